import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { VerifyReport } from '../../../shared/audit/verify-report.ts';
import { BrokenInputError } from '../audit/input-limits.ts';
import { defaultWorkerCount } from '../audit/read-event-batches.ts';
import { checkAuditDb } from '../audit-sources/verify-audit-db.ts';
import { saveVerification } from '../audit-sources/verifications.ts';
import { markSynced } from '../cache/sync-state.ts';
import { sourceWorkerPaths } from '../workers/start-worker.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import { AuditRowsWriter } from './audit-rows-writer.ts';
import type { LineOutcome } from './audit-rows-writer.ts';
import { openFileRecords } from './file-records.ts';
import type { ImportFormat } from './file-records.ts';
import { ImportError } from './import-error.ts';
import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import { separateManifests } from './export-filter.ts';
import { closeImportDb, moveDbInto, openImportDb, openToOtherConnections, removeDbFiles } from './import-db.ts';
import type { ImportProgress } from './import-progress.ts';
import { progressHeartbeat } from './progress-heartbeat.ts';
import { fieldCount } from '../cache/packed-audit-rows.ts';
import { PackedRowsReader } from '../cache/packed-rows.ts';
import { RecordWorkers } from './record-workers.ts';
import { startSourceIndexes } from './start-source-indexes.ts';
import type { SourceIndexes } from './start-source-indexes.ts';
import { SkipReport } from './skip-report.ts';

export { ImportError } from './import-error.ts';
export type { ImportProgress } from './import-progress.ts';

const importFile = z.object({
  path: z.string(),
  /** shown in messages (e.g. the original name of an uploaded file); default basename(path) */
  name: z.string().optional(),
});

export type ImportFile = z.output<typeof importFile>;

/** What to import, where: the options that can cross to a thread (the import worker's input). */
export const importRequest = z.object({
  files: z.array(importFile),
  /** target SQLite file; must not exist yet (an existing source is refused with a clear message unless replace: true) */
  db: z.string(),
  sourceName: z.string(),
  skipInvalid: z.boolean(),
  replace: z.boolean().optional(),
});

export interface ImportOptions extends z.output<typeof importRequest> {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Where the import's workers (record readers, index builder, verifiers) are: their TypeScript sources by default, the bundle's in Electron. */
  workers?: WorkerPaths;
}

export interface ImportResult {
  db: string;
  events: number;
  duplicatesIgnored: number;
  skipped: number;
  /** JSON report of skipped lines (file, line, reason), written beside the db as <db>.import-report.json; null when nothing was skipped */
  reportFile: string | null;
  files: Array<{ name: string; format: ImportFormat; lines: number; events: number; skipped: number; sha256: string; bytes: number }>;
  /** The hash chain's check of what was imported, also stored in the source; null for CSV, which carries no hashes. */
  verification: VerifyReport | null;
}

const commitEvery = 50_000;
const progressEvents = 50_000;
const progressMs = 250;
/** Below this much input a second worker costs more to start than it saves. */
const oneWorkerBytes = 8 << 20;

/**
 * Imports audit files (NDJSON, gzip NDJSON, a JSON array or Opsdeck's CSV export) into a new
 * source database with the cache's schema, all or nothing: it is built under a temporary name
 * and renamed into place when complete, searchable by fields and full text, its hash chain
 * verified. Invalid lines abort the import (ImportError naming file, line and reason) or, with
 * skipInvalid, are skipped and listed in a report beside the db. Hashes are stored as the files
 * state them: an event that does not verify is imported as it is and named in the verification.
 */
export async function importAuditFiles(options: ImportOptions): Promise<ImportResult> {
  const { db: target, replace = false, signal, workers = sourceWorkerPaths } = options;
  if (options.files.length === 0) throw new Error('Nothing to import: no files were given.');
  const { data: files, filter } = await separateManifests(options.files);
  refuseExisting(target, replace);
  signal?.throwIfAborted();

  const heartbeat = progressHeartbeat(options.onProgress ?? (() => {}));
  const dataOptions = { ...options, files, onProgress: heartbeat.report };
  const temp = `${target}.${randomUUID().slice(0, 8)}.partial`;
  const report = new SkipReport(`${temp}.import-report.json`);
  const records = new RecordWorkers(workers, workerCount(files));
  const indexes = startSourceIndexes(temp, workers);
  let db: Database | null = null;
  try {
    db = openImportDb(temp);
    const loaded = await loadFiles(db, dataOptions, records, report);
    await records.stop();
    recordSource(db, loaded, options.sourceName, filter);
    await stopIfAborted(signal);
    const verification = await indexAndVerify(db, temp, loaded, indexes, { ...dataOptions, workers });
    if (verification !== null) saveVerification(db, verification);
    closeImportDb(db);
    db = null;
    refuseExisting(target, replace);
    moveDbInto(temp, target);
    const reportFile = `${target}.import-report.json`;
    if (report.close()) renameSync(report.path, reportFile);
    else rmSync(reportFile, { force: true });
    return { db: target, ...loaded, skipped: report.count, reportFile: report.count > 0 ? reportFile : null, verification };
  } catch (error) {
    db?.close();
    report.close();
    rmSync(report.path, { force: true });
    removeDbFiles(temp);
    throw error;
  } finally {
    heartbeat.stop();
    await Promise.all([records.stop(), indexes.close()]);
  }
}

type Loaded = Pick<ImportResult, 'events' | 'duplicatesIgnored' | 'files'>;

async function loadFiles(db: Database, options: ImportOptions, workers: RecordWorkers, report: SkipReport): Promise<Loaded> {
  const { files, skipInvalid, signal, onProgress } = options;
  const writer = new AuditRowsWriter(db);
  const loaded: Loaded = { events: 0, duplicatesIgnored: 0, files: [] };
  let reported = { events: -progressEvents, at: 0 };

  for (const [fileIndex, file] of files.entries()) {
    const name = file.name ?? basename(file.path);
    const records = await readable(name, () => openFileRecords(file.path, name));
    const progress = (bytesRead: number, force: boolean) => {
      const at = performance.now();
      if (!force && loaded.events - reported.events < progressEvents && at - reported.at < progressMs) return;
      reported = { events: loaded.events, at };
      onProgress?.({ phase: 'reading', file: name, fileIndex, files: files.length, bytesRead, bytesTotal: records.bytesTotal, events: loaded.events });
    };
    progress(0, true);
    writer.startFile(name);
    const counts = { events: 0, skipped: 0 };
    const skip = (line: number, reason: string) => {
      if (!skipInvalid) throw new ImportError(name, line, reason);
      report.add(name, line, reason);
      counts.skipped++;
    };
    // Outcomes come in line order, a batch of written rows at a time.
    const tally = (outcomes: LineOutcome[]) => {
      for (const { line, outcome } of outcomes) {
        if (outcome.kind === 'inserted') {
          counts.events++;
          loaded.events++;
        } else if (outcome.kind === 'duplicate') loaded.duplicatesIgnored++;
        else skip(line, outcome.reason);
      }
    };
    let uncommitted = 0;
    db.exec('BEGIN');
    await readable(name, async () => {
      for await (const { read, bytesRead } of workers.read(records.work())) {
        signal?.throwIfAborted();
        const rows = new PackedRowsReader(read.rows, fieldCount);
        for (let index = 0; index < read.lines.length; index++) {
          const line = read.lines[index]!;
          const reason = read.reasons[index]!;
          if (reason === null) {
            tally(writer.add(rows, line));
          } else {
            tally(writer.flush());
            skip(line, reason);
          }
        }
        uncommitted += read.lines.length;
        if (uncommitted >= commitEvery) {
          db.exec('COMMIT; BEGIN');
          uncommitted = 0;
        }
        progress(bytesRead, false);
      }
      tally(writer.flush());
    });
    db.exec('COMMIT');
    const content = records.content();
    loaded.files.push({ name, format: records.format, lines: content.lines, events: counts.events, skipped: counts.skipped, sha256: content.sha256, bytes: content.bytes });
    progress(records.bytesTotal, true);
  }
  return loaded;
}

/** Records the source, its files and how far it reaches. */
function recordSource(db: Database, loaded: Loaded, sourceName: string, filter: ExportManifest['query']): void {
  const now = Date.now();
  const lastSeq = db.prepare('SELECT max(seq) FROM audit_events').pluck().get() as number | null;
  const addFile = db.prepare('INSERT INTO source_files (name, format, sha256, bytes, lines, events, skipped, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    markSynced(db, { resource: 'audit', cursor: lastSeq === null ? null : String(lastSeq), at: now });
    db.prepare('INSERT INTO source_info (name, created_at, filter_query) VALUES (?, ?, ?)').run(sourceName, now, filter === null ? null : JSON.stringify(filter));
    for (const file of loaded.files) addFile.run(file.name, file.format, file.sha256, file.bytes, file.lines, file.events, file.skipped, now);
  })();
}

/**
 * Builds the indexes on a thread of their own while this one verifies the hash chain of what
 * was loaded (a CSV import has no hashes to verify: null), each on its own connection. If
 * either fails, the other is stopped, and the first failure is thrown once both have ended.
 */
async function indexAndVerify(db: Database, path: string, loaded: Loaded, indexes: SourceIndexes, options: ImportOptions & { workers: WorkerPaths }): Promise<VerifyReport | null> {
  const { workers, signal, onProgress = () => {} } = options;
  openToOtherConnections(db);
  const stop = new AbortController();
  const stopBoth = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', stopBoth, { once: true });
  const failures: unknown[] = [];
  const orStopBoth = <T>(task: Promise<T>): Promise<T | null> =>
    task.catch((error: unknown) => {
      failures.push(error);
      stop.abort(error);
      return null;
    });
  try {
    const verifiable = loaded.files.every((file) => file.format !== 'csv');
    const [, verification] = await Promise.all([
      orStopBoth(indexes.build({ onProgress, signal: stop.signal })),
      orStopBoth(verifiable ? verifyLoaded(path, loaded, workers, onProgress, stop.signal) : Promise.resolve(null)),
    ]);
    if (failures.length > 0) throw failures[0];
    return verification;
  } finally {
    signal?.removeEventListener('abort', stopBoth);
  }
}

/** Verifies on one thread fewer than a verification alone would: the index thread keeps a core (and each verify thread costs ~150 MB). */
function verifyLoaded(path: string, loaded: Loaded, workers: WorkerPaths, onProgress: (progress: ImportProgress) => void, signal: AbortSignal): Promise<VerifyReport> {
  onProgress({ phase: 'verifying', checked: 0, events: loaded.events });
  return checkAuditDb(path, {
    workerPaths: workers,
    workers: Math.max(1, defaultWorkerCount() - 1),
    signal,
    onProgress: (checked, events) => onProgress({ phase: 'verifying', checked, events }),
  });
}

/** Lets a cancel that arrived during a long synchronous step be delivered, then honours it. */
async function stopIfAborted(signal: AbortSignal | undefined): Promise<void> {
  await setImmediate();
  signal?.throwIfAborted();
}

function refuseExisting(target: string, replace: boolean): void {
  if (!replace && existsSync(target)) throw new Error(`A source already exists at ${target}: import under another name, or replace it.`);
}

/** Runs a step that reads a file, turning a failure to read it (missing, a directory, broken gzip, past a limit) into an ImportError. */
async function readable<T>(name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof BrokenInputError) throw new ImportError(name, error.line, error.reason);
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z]+|Z_[A-Z_]+)$/.test(code)) throw new ImportError(name, null, `cannot read the file: ${(error as Error).message}`);
    throw error;
  }
}

/**
 * A core is the writer's (this thread's); the others parse, up to two, which outrun it. On two
 * cores a second worker only competes with the writer: ~6% more CPU for the same load.
 */
function workerCount(files: ImportFile[]): number {
  const bytes = files.reduce((sum, file) => sum + (existsSync(file.path) ? statSync(file.path).size : 0), 0);
  return bytes < oneWorkerBytes ? 1 : Math.max(1, Math.min(2, availableParallelism() - 1));
}
