import { startWorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import type { ImportOptions, ImportResult } from './import-audit-files.ts';
import { importProtocol, importWorkerFiles } from './import-protocol.ts';

/**
 * Runs importAuditFiles on a worker thread, so the main process's event loop stays free.
 * cancel() (or options.signal) stops it, leaving no source behind; the result then rejects
 * with an AbortError. An ImportError in the worker rejects as an ImportError here.
 */
export function runImportInWorker(options: ImportOptions, workers: WorkerPaths): { result: Promise<ImportResult>; cancel(): void } {
  const { onProgress, signal, workers: _inProcess, ...request } = options;
  const client = startWorkerClient(importProtocol, workers, { workers: importWorkerFiles(workers) });
  const cancelling = new AbortController();
  const result = client
    .call('import', request, { signal: signal === undefined ? cancelling.signal : AbortSignal.any([signal, cancelling.signal]), ...(onProgress === undefined ? {} : { onProgress }) })
    .catch((error: unknown) => {
      throw error instanceof DOMException && error.name === 'AbortError' ? new DOMException('The import was cancelled.', 'AbortError') : error;
    })
    .finally(() => client.close());
  return { result, cancel: () => cancelling.abort() };
}
