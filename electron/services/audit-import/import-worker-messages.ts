import type { ImportOptions, ImportProgress, ImportResult } from './import-audit-files.ts';

/** The import worker's workerData: the options that can cross a thread boundary. */
export type ImportWorkerData = Omit<ImportOptions, 'onProgress' | 'signal'>;

export type ToImportWorker = { kind: 'cancel' };

export type FromImportWorker =
  | { kind: 'progress'; progress: ImportProgress }
  | { kind: 'done'; result: ImportResult }
  /** file, line and reason are an ImportError's (null for other failures); cancelled when a cancel stopped it. */
  | { kind: 'failed'; message: string; file: string | null; line: number | null; reason: string | null; cancelled: boolean };
