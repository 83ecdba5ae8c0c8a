// An import's index builds (field indexes, then full text) on their own thread and connection.
import { buildSourceIndexes } from '../audit-import/build-source-indexes.ts';
import { sourceIndexesProtocol } from '../audit-import/source-indexes-protocol.ts';
import { serveWorker } from './rpc/serve-worker.ts';

await serveWorker(sourceIndexesProtocol, ({ dbPath }) => ({
  build(_input, { progress }) {
    buildSourceIndexes(dbPath, progress);
    return null;
  },
}));
