// A source's read-only connection on its own thread, so a slow query (an exact count over a
// million events, a common word's histogram, a 90-day chart) never blocks the main process.
import { systemClock } from '../../../shared/clock.ts';
import { openReaderDb } from '../reader/open-reader-db.ts';
import { readerProtocol, readerQueries } from '../reader/reader-protocol.ts';
import { serveWorker } from './rpc/serve-worker.ts';

await serveWorker(readerProtocol, ({ dbPath, cipher }) => {
  const db = openReaderDb(dbPath, cipher);
  if (db === null) throw new Error(`${dbPath} holds no cache yet`);
  return readerQueries.open(db, systemClock);
});
