import { rmSync } from 'node:fs';
import type { ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import { exportAudit } from '../audit-export/export-audit.ts';
import { openAuditReader } from '../audit-search/open-audit-reader.ts';
import { importedSourcePath } from '../audit-import/source-paths.ts';
import { runImportInWorker } from '../audit-import/run-import-worker.ts';
import type { EventBus } from '../event-bus.ts';
import type { FileRegistry } from '../files/file-registry.ts';
import type { JobContext, createJobs } from '../jobs/jobs.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import { listSources } from './list-sources.ts';
import { importedSourceId, profileSourceId, sourceDbPath } from './source-path.ts';
import type { SourceCipherOf, SourceReaders } from '../reader/source-readers.ts';
import { plainCache } from '../cache/cache-cipher.ts';
import type { CacheCipher } from '../cache/cache-cipher.ts';
import { openCacheFile } from '../cache/open-cache-file.ts';
import { exportFileName } from '../../../shared/audit/export-file-name.ts';
import { importJobProgress } from './import-job-progress.ts';
import { verifyAuditDb } from './verify-audit-db.ts';
import { alteredSeqs, latestVerification } from './verifications.ts';

type SourcesHandlers = Pick<ConsoleHandlers, 'sources/list' | 'sources/import' | 'sources/verify' | 'sources/report' | 'sources/remove' | 'audit/export'>;

export interface SourcesServiceOptions {
  dataDir: string;
  events: EventBus;
  jobs: ReturnType<typeof createJobs>;
  files: FileRegistry;
  readers: SourceReaders;
  workers: WorkerPaths;
  profiles(): ReadonlyArray<{ id: string; name: string }>;
  defaultSource(): SourceId | null;
  /** A profile cache's key and encryption; absent: every database is plain. */
  cipherOf?: SourceCipherOf;
}

/** Imported offline sources beside the profile caches: listing, import, verification, export and removal, as jobs. */
export function createSourcesService(options: SourcesServiceOptions) {
  const { dataDir, events, jobs, files, readers, workers, cipherOf = async () => undefined } = options;
  const altered = new Map<SourceId, ReadonlySet<number>>();

  // A profile cache its key does not open is left out: its sync status says why.
  const list = async () => {
    const profiles = await Promise.all(options.profiles().map(async (profile) => cipherOf(profileSourceId(profile.id)).then((cipher) => [{ ...profile, cipher }], () => [])));
    return { sources: listSources(dataDir, profiles.flat()) };
  };
  const changed = () => {
    altered.clear();
    void list().then((sources) => events.emit('sources/changed', sources), () => {});
  };
  const sourceOrDefault = (source: SourceId | undefined): SourceId => {
    const id = source ?? options.defaultSource();
    if (id === null) throw new Error('There is no audit source yet: choose a platform profile or import a file.');
    return id;
  };
  const nameOf = async (id: SourceId) => (await list()).sources.find((source) => source.id === id)?.name ?? id;

  async function verify(id: SourceId, { signal, progress }: JobContext): Promise<void> {
    await verifyAuditDb(sourceDbPath(dataDir, id), {
      cipher: await cipherOf(id),
      workerPaths: workers,
      signal,
      onProgress: (checked, total) => progress(total === 0 ? null : checked / total, `Checked ${checked.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} events`),
    });
    changed();
  }

  /** Imports and verifies (the import does both), the job showing each phase. */
  async function runImport(id: SourceId, tokens: string[], name: string, skipInvalid: boolean, context: JobContext) {
    const db = importedSourcePath(dataDir, name);
    const progress = importJobProgress(context);
    const run = runImportInWorker(
      {
        files: tokens.map((token) => ({ path: files.path(token), name: files.nameOf(token) })),
        db,
        sourceName: name,
        skipInvalid,
        onProgress: progress.report,
      },
      workers,
    );
    context.signal.addEventListener('abort', () => run.cancel(), { once: true });
    const result = await run.result;
    await readers.close((candidate) => candidate === id);
    changed();
    const skipped = result.skipped === 0 ? '' : `; ${result.skipped} invalid line${result.skipped === 1 ? '' : 's'} skipped; the report lists them`;
    const verifiable = result.verification !== null;
    progress.finish(`Imported ${result.events.toLocaleString('en-US')} events${skipped}.${verifiable ? '' : ' Not verifiable: CSV carries no hashes.'}`, verifiable);
    // The report of skipped lines is worth reading: offered like an export's file.
    return { downloads: result.reportFile === null ? [] : [files.offerDownload(result.reportFile)], savedTo: null, sourceId: id };
  }

  const handlers: SourcesHandlers = {
    'sources/list': async () => list(),
    'sources/import': async ({ files: tokens, name, skipInvalid }) => {
      const id = importedSourceId(dataDir, name);
      const label = `Importing ${tokens.length === 1 ? files.nameOf(tokens[0]!) : `${tokens.length} files`} as “${name}”`;
      return { jobId: jobs.start('import', label, id, (context) => runImport(id, tokens, name, skipInvalid, context)) };
    },
    'sources/verify': async ({ source }) => ({
      jobId: jobs.start('verify', `Verifying ${await nameOf(source)}`, source, async (context) => {
        await verify(source, context);
        return { downloads: [], savedTo: null, sourceId: source };
      }),
    }),
    'sources/report': async ({ source }) => {
      const path = sourceDbPath(dataDir, source);
      const db = openCacheFile(path, (await cipherOf(source)) ?? plainCache(path), { readonly: true, fileMustExist: true });
      try {
        const latest = latestVerification(db);
        return { report: latest?.report ?? null, checkedAt: latest === null ? null : new Date(latest.checkedAt).toISOString() };
      } finally {
        db.close();
      }
    },
    'sources/remove': async ({ source }) => {
      if (!source.startsWith('import:')) throw new Error('A profile cache is removed with its profile (Settings), not here.');
      await readers.close((candidate) => candidate === source);
      const path = sourceDbPath(dataDir, source);
      for (const suffix of ['', '-wal', '-shm', '.import-report.json']) rmSync(`${path}${suffix}`, { force: true });
      changed();
      return list();
    },
    'audit/export': async ({ q, source, format, gzip, destination }) => {
      const id = sourceOrDefault(source);
      const name = await nameOf(id);
      const cipher = await cipherOf(id);
      return {
        jobId: jobs.start('export', `Exporting ${format.toUpperCase()}${gzip ? ' (gzip)' : ''} from ${name}`, id, async ({ signal, progress }) => {
          // Its own connection: the export streams rows here, in chunks, between other work.
          const reader = openAuditReader(sourceDbPath(dataDir, id), cipher);
          if (reader === null) throw new Error('This source has no audit events yet.');
          try {
            const total = reader.search.search({ q, limit: 1, withTotal: true }).total ?? 0;
            const out = destination === undefined ? files.downloadPath(exportFileName(name, format, gzip)) : files.path(destination);
            const result = await exportAudit({
              search: reader.search,
              q,
              format,
              gzip,
              out,
              source: { platform: name, environment: id.startsWith('import:') ? 'imported' : 'cache' },
              signal,
              onProgress: (written) => progress(total === 0 ? null : Math.min(written / total, 1), `${written.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} events`),
            });
            progress(1, `${result.count.toLocaleString('en-US')} events written`);
            if (destination !== undefined) return { downloads: [], savedTo: result.out, sourceId: null };
            const downloads = [result.out, ...(result.manifestPath === null ? [] : [result.manifestPath])].map((path) => files.offerDownload(path));
            return { downloads, savedTo: null, sourceId: null };
          } finally {
            reader.close();
          }
        }),
      };
    },
  };

  return {
    handlers,
    changed,
    async alteredSeqs(id: SourceId): Promise<ReadonlySet<number>> {
      let seqs = altered.get(id);
      if (seqs === undefined) {
        const path = sourceDbPath(dataDir, id);
        seqs = storedAlteredSeqs(path, (await cipherOf(id).catch(() => undefined)) ?? plainCache(path));
        altered.set(id, seqs);
      }
      return seqs;
    },
  };
}

function storedAlteredSeqs(path: string, cipher: CacheCipher): ReadonlySet<number> {
  let db: ReturnType<typeof openCacheFile>;
  try {
    db = openCacheFile(path, cipher, { readonly: true, fileMustExist: true });
  } catch {
    return new Set();
  }
  try {
    const latest = latestVerification(db);
    return latest === null ? new Set() : alteredSeqs(latest.report);
  } finally {
    db.close();
  }
}
