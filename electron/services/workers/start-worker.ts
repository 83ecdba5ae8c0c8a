import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResourceLimits } from 'node:worker_threads';

export type WorkerName = 'demo-platform' | 'sync' | 'sync-feed' | 'verify' | 'import' | 'import-records' | 'source-indexes' | 'reader';

/** Where a worker's entry file is: TypeScript beside this file from source, bundled .js in Electron. */
export type WorkerPaths = (name: WorkerName) => string;

export const sourceWorkerPaths: WorkerPaths = (name) => fileURLToPath(new URL(`./${name}.worker.ts`, import.meta.url));

export function startWorker(path: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  return new Worker(path, { workerData, execArgv: path.endsWith('.ts') ? ['--import', 'tsx'] : [], resourceLimits });
}
