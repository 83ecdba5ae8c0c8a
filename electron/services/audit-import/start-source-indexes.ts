import { startWorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import { sourceIndexesProtocol } from './source-indexes-protocol.ts';
import type { SourceIndexProgress } from './source-indexes-protocol.ts';

/** While an index is being built, its progress is told again this often, with how long it has taken so far. */
const heartbeatMs = 1_000;

export interface SourceIndexes {
  /** Builds the loaded database's indexes (buildSourceIndexes); rejects with an AbortError when cancelled. */
  build(options: { onProgress: (progress: SourceIndexProgress) => void; signal?: AbortSignal }): Promise<void>;
  close(): Promise<void>;
}

/**
 * An import's index thread, started with the import so that it is ready when the load ends.
 * SQLite says nothing while it builds one index, so while one is under way its report is
 * repeated every second with the time it has taken so far. Cancelling stops the thread, which a
 * long index build would not notice otherwise.
 */
export function startSourceIndexes(dbPath: string, workers: WorkerPaths): SourceIndexes {
  const client = startWorkerClient(sourceIndexesProtocol, workers, { dbPath });
  const close = () => client.close();
  return {
    async build({ onProgress, signal }) {
      signal?.throwIfAborted();
      signal?.addEventListener('abort', close, { once: true });
      let building: { progress: Extract<SourceIndexProgress, { phase: 'indexing' }>; since: number } | null = null;
      const heartbeat = setInterval(() => {
        if (building !== null) onProgress({ ...building.progress, buildingMs: performance.now() - building.since });
      }, heartbeatMs);
      try {
        await client.call('build', {}, {
          onProgress: (progress) => {
            building = progress.phase === 'indexing' && progress.building !== null ? { progress, since: performance.now() } : null;
            onProgress(progress);
          },
        });
      } catch (error) {
        signal?.throwIfAborted();
        throw error;
      } finally {
        clearInterval(heartbeat);
        signal?.removeEventListener('abort', close);
      }
    },
    close,
  };
}
