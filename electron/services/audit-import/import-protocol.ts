import { z } from 'zod';
import { method, workerProtocol } from '../workers/rpc/protocol.ts';
import type { WorkerName, WorkerPaths } from '../workers/start-worker.ts';
import { importRequest } from './import-audit-files.ts';
import type { ImportProgress, ImportResult } from './import-audit-files.ts';

/** The workers an import starts. */
const importWorkers = ['import-records', 'source-indexes', 'verify'] as const satisfies readonly WorkerName[];

/** An import's thread: reads the files and writes the source database (see runImportInWorker). */
export const importProtocol = workerProtocol({
  worker: 'import',
  /** The entries of the workers it starts, as files: a WorkerPaths function cannot cross to a thread. */
  data: z.object({ workers: z.record(z.enum(importWorkers), z.string()) }),
  methods: {
    /** importAuditFiles; cancelling leaves no source behind. */
    import: method<ImportResult, ImportProgress>()(importRequest),
  },
});

type ImportWorkerFiles = z.output<(typeof importProtocol)['data']>['workers'];

export const importWorkerFiles = (paths: WorkerPaths): ImportWorkerFiles => Object.fromEntries(importWorkers.map((name) => [name, paths(name)])) as ImportWorkerFiles;

export function workerPathsOf(files: ImportWorkerFiles): WorkerPaths {
  return (name) => {
    if (!Object.hasOwn(files, name)) throw new Error(`The import worker cannot start the ${name} worker: an import starts only ${importWorkers.join(', ')}.`);
    return files[name as keyof ImportWorkerFiles];
  };
}
