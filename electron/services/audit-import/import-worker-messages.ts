import type { WorkerName, WorkerPaths } from '../workers/start-worker.ts';
import type { ImportOptions, ImportProgress, ImportResult } from './import-audit-files.ts';

/** The workers an import starts. */
const importWorkers = ['import-records', 'source-indexes', 'verify'] as const satisfies readonly WorkerName[];
type ImportWorkerFiles = Record<(typeof importWorkers)[number], string>;

/** The import worker's workerData: the options that can cross a thread boundary, its workers' paths as files. */
export type ImportWorkerData = Omit<ImportOptions, 'onProgress' | 'signal' | 'workers'> & { workerFiles: ImportWorkerFiles };

export const importWorkerFiles = (paths: WorkerPaths): ImportWorkerFiles => Object.fromEntries(importWorkers.map((name) => [name, paths(name)])) as ImportWorkerFiles;

export function workerPathsOf(files: ImportWorkerFiles): WorkerPaths {
  return (name) => {
    if (!Object.hasOwn(files, name)) throw new Error(`The import worker cannot start the ${name} worker: an import starts only ${importWorkers.join(', ')}.`);
    return files[name as keyof ImportWorkerFiles];
  };
}

export type ToImportWorker = { kind: 'cancel' };

export type FromImportWorker =
  | { kind: 'progress'; progress: ImportProgress }
  | { kind: 'done'; result: ImportResult }
  /** file, line and reason are an ImportError's (null for other failures); cancelled when a cancel stopped it. */
  | { kind: 'failed'; message: string; file: string | null; line: number | null; reason: string | null; cancelled: boolean };
