// An import's thread: reads the files and writes the source database (runImportInWorker's other end).
import { parentPort, workerData } from 'node:worker_threads';
import { ImportError, importAuditFiles } from '../audit-import/import-audit-files.ts';
import { workerPathsOf } from '../audit-import/import-worker-messages.ts';
import type { FromImportWorker, ImportWorkerData, ToImportWorker } from '../audit-import/import-worker-messages.ts';

const port = parentPort!;
const post = (message: FromImportWorker) => port.postMessage(message);
const controller = new AbortController();
port.on('message', (message: ToImportWorker) => {
  if (message.kind === 'cancel') controller.abort();
});

try {
  const { workerFiles, ...options } = workerData as ImportWorkerData;
  const result = await importAuditFiles({ ...options, workers: workerPathsOf(workerFiles), signal: controller.signal, onProgress: (progress) => post({ kind: 'progress', progress }) });
  post({ kind: 'done', result });
} catch (error) {
  const known = error instanceof ImportError ? error : null;
  post({ kind: 'failed', message: (error as Error).message, file: known?.file ?? null, line: known?.line ?? null, reason: known?.reason ?? null, cancelled: controller.signal.aborted });
}
port.close();
