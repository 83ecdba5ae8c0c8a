import type { SourceId } from '../../../shared/console-api/index.ts';
import type { CacheCipher } from '../cache/cache-cipher.ts';
import { sourceDbPath } from '../audit-sources/source-path.ts';
import { startWorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import { openReaderDb } from './open-reader-db.ts';
import { readerProtocol } from './reader-protocol.ts';
import type { ReaderMethods } from './reader-protocol.ts';

export type SourceReader = Pick<WorkerClient<ReaderMethods>, 'call'>;
export type SourceReaders = ReturnType<typeof createSourceReaders>;

/** The key and encryption of a source's database: a profile's cache may be encrypted; undefined for a plain one. */
export type SourceCipherOf = (id: SourceId) => Promise<CacheCipher | undefined>;

/**
 * A reader thread per source, started on first use and kept: a profile's cache (its sync
 * worker writes through another connection; WAL lets both proceed) or an imported source.
 */
export function createSourceReaders(dataDir: string, workers: WorkerPaths, cipherOf: SourceCipherOf = async () => undefined) {
  const open = new Map<SourceId, Promise<WorkerClient<ReaderMethods> | null>>();
  const held = new Map<SourceId, Promise<void>>();

  async function start(id: SourceId): Promise<WorkerClient<ReaderMethods> | null> {
    await held.get(id);
    return startReader(sourceDbPath(dataDir, id), workers, await cipherOf(id));
  }

  return {
    /** The source's reader, or null while it has no database yet (first sync still running). */
    async reader(id: SourceId): Promise<SourceReader | null> {
      let started = open.get(id);
      if (started === undefined) {
        started = start(id);
        open.set(id, started);
      }
      const reader = await started.catch((error: unknown) => {
        open.delete(id);
        throw error;
      });
      if (reader === null && open.get(id) === started) open.delete(id);
      return reader;
    },
    /** Stops one source's reader (before its file is removed or replaced), or all that match. */
    async close(match: (id: SourceId) => boolean = () => true): Promise<void> {
      const closing: Array<Promise<void>> = [];
      for (const [id, started] of open) {
        if (!match(id)) continue;
        open.delete(id);
        closing.push(started.then((reader) => reader?.close(), () => {}));
      }
      await Promise.all(closing);
    },
    /** Closes the source's reader and opens none until `until` settles (while its file is replaced). */
    async hold(id: SourceId, until: Promise<void>): Promise<void> {
      const released = until.then(() => {}, () => {});
      held.set(id, released);
      void released.then(() => held.get(id) === released && held.delete(id));
      await this.close((candidate) => candidate === id);
    },
  };
}

async function startReader(dbPath: string, workers: WorkerPaths, cipher: CacheCipher | undefined): Promise<WorkerClient<ReaderMethods> | null> {
  const probe = openReaderDb(dbPath, cipher);
  if (probe === null) return null;
  probe.close();
  const reader = startWorkerClient(readerProtocol, workers, { dbPath, cipher });
  await reader.ready;
  return reader;
}
