import { startWorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import { sourceIndexesProtocol } from './source-indexes-protocol.ts';
import type { SourceIndexProgress } from './source-indexes-protocol.ts';

export interface SourceIndexes {
  /** Builds the loaded database's indexes (buildSourceIndexes); rejects with an AbortError when cancelled. */
  build(options: { onProgress: (progress: SourceIndexProgress) => void; signal?: AbortSignal }): Promise<void>;
  close(): Promise<void>;
}

/**
 * An import's index thread, started with the import so that it is ready when the load ends.
 * Cancelling stops the thread, which a long index build would not notice otherwise.
 */
export function startSourceIndexes(dbPath: string, workers: WorkerPaths): SourceIndexes {
  const client = startWorkerClient(sourceIndexesProtocol, workers, { dbPath });
  const close = () => client.close();
  return {
    async build({ onProgress, signal }) {
      signal?.throwIfAborted();
      signal?.addEventListener('abort', close, { once: true });
      try {
        await client.call('build', {}, { onProgress });
      } catch (error) {
        signal?.throwIfAborted();
        throw error;
      } finally {
        signal?.removeEventListener('abort', close);
      }
    },
    close,
  };
}
