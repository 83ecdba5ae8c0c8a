import type { WorkerPaths } from '../workers/start-worker.ts';
import { startWorker } from '../workers/start-worker.ts';
import { ImportError } from './import-error.ts';
import type { ImportOptions, ImportResult } from './import-audit-files.ts';
import { importWorkerFiles } from './import-worker-messages.ts';
import type { FromImportWorker, ImportWorkerData, ToImportWorker } from './import-worker-messages.ts';

/**
 * Runs importAuditFiles on a worker thread, so the main process's event loop stays free.
 * cancel() (or options.signal) stops it, leaving no source behind; the result then rejects
 * with an AbortError. An ImportError in the worker rejects as an ImportError here.
 */
export function runImportInWorker(options: ImportOptions, workers: WorkerPaths): { result: Promise<ImportResult>; cancel(): void } {
  // A function cannot cross to the thread: its workers' paths go as files.
  const { onProgress, signal, workers: _inProcess, ...rest } = options;
  const data: ImportWorkerData = { ...rest, workerFiles: importWorkerFiles(workers) };
  const worker = startWorker(workers('import'), data);
  const cancel = () => worker.postMessage({ kind: 'cancel' } satisfies ToImportWorker);
  signal?.addEventListener('abort', cancel, { once: true });

  const result = new Promise<ImportResult>((resolve, reject) => {
    worker.on('message', (message: FromImportWorker) => {
      if (message.kind === 'progress') onProgress?.(message.progress);
      else if (message.kind === 'done') resolve(message.result);
      else reject(failure(message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`The import worker stopped (exit code ${code}) before finishing.`)));
  }).finally(() => {
    signal?.removeEventListener('abort', cancel);
    return worker.terminate();
  });
  return { result, cancel };
}

function failure({ message, file, line, reason, cancelled }: Extract<FromImportWorker, { kind: 'failed' }>): Error {
  if (file !== null && reason !== null) return new ImportError(file, line, reason);
  if (cancelled) return new DOMException('The import was cancelled.', 'AbortError');
  return new Error(message);
}
