// An import's thread: reads the files and writes the source database (runImportInWorker's other end).
import { importAuditFiles } from '../audit-import/import-audit-files.ts';
import { importProtocol, workerPathsOf } from '../audit-import/import-protocol.ts';
import { serveWorker } from './rpc/serve-worker.ts';

await serveWorker(importProtocol, ({ workers }) => ({
  import: (request, { progress, signal }) => importAuditFiles({ ...request, workers: workerPathsOf(workers), signal, onProgress: progress }),
}));
