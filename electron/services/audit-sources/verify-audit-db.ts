import type Database from 'better-sqlite3';
import type { VerifyReport } from '../../../shared/audit/verify-report.ts';
import type { LineBatch, LineBytes } from '../audit/ndjson-lines.ts';
import { countLineBreaks } from '../audit/ndjson-lines.ts';
import { defaultWorkerCount } from '../audit/read-event-batches.ts';
import { verifyAuditLines } from '../audit/verify-audit-lines.ts';
import { plainCache } from '../cache/cache-cipher.ts';
import type { CacheCipher } from '../cache/cache-cipher.ts';
import { openCacheFile } from '../cache/open-cache-file.ts';
import { rawAuditChunks } from '../cache/raw-audit-chunks.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import { saveVerification } from './verifications.ts';

export interface VerifyDbOptions {
  /** Where the verify worker's entry is (bundled in Electron). */
  workerPaths: WorkerPaths;
  signal?: AbortSignal;
  /** Called after each batch with events checked so far and the total. */
  onProgress?: (checked: number, total: number) => void;
  /** Threads to hash on: as many as pay off by default, fewer when other work shares the machine. */
  workers?: number;
  /** A profile's cache's key; absent: a plain database. */
  cipher?: CacheCipher | undefined;
}

const batchSize = 5_000;

/**
 * Checks the hash chain of every audit event a database holds, in seq order, and stores the
 * report in its verifications table. "line" in the report is the event's position (1-based).
 */
export async function verifyAuditDb(path: string, options: VerifyDbOptions): Promise<VerifyReport> {
  const report = await checkAuditDb(path, options);
  const writer = openCacheFile(path, options.cipher ?? plainCache(path), { fileMustExist: true, timeout: 5_000 });
  try {
    saveVerification(writer, report);
  } finally {
    writer.close();
  }
  return report;
}

/** Checks the hash chain as verifyAuditDb does, on a read-only connection, without storing the report. */
export async function checkAuditDb(path: string, options: VerifyDbOptions): Promise<VerifyReport> {
  const reader = openCacheFile(path, options.cipher ?? plainCache(path), { readonly: true, fileMustExist: true });
  try {
    return await checkAuditRows(reader, options);
  } finally {
    reader.close();
  }
}

/** Checks the hash chain of the audit events on an open connection (a profile's cache, which may be encrypted), storing nothing. */
export async function checkAuditRows(db: Database.Database, { workerPaths, signal, onProgress, workers = defaultWorkerCount() }: VerifyDbOptions): Promise<VerifyReport> {
  const filter = db.prepare('SELECT filter_query FROM source_info').pluck().get() as string | null | undefined;
  return verifyAuditLines(rawBatches(db, signal, onProgress), {
    filter: filter == null ? null : (JSON.parse(filter) as Record<string, unknown>),
    file: null,
    manifestFile: null,
    manifest: null,
    keys: [],
    sha256: () => null,
    workers,
    workerPaths,
  });
}

/**
 * The raw events in seq order, a batch at a time, yielding to the event loop between batches.
 * A batch comes as one blob the database joined (rawAuditChunks), since a string per event,
 * joined and encoded again for the workers, cost more than the hashing; a batch in which an
 * event holds a line break itself (a JSON array element written over several lines) comes as
 * texts instead.
 */
async function* rawBatches(db: Database.Database, signal: AbortSignal | undefined, onProgress: VerifyDbOptions['onProgress']): AsyncGenerator<LineBatch | LineBytes> {
  const total = db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
  const texts = db.prepare('SELECT raw FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?').pluck();
  let after = 0;
  let firstLine = 1;
  for (const { count: lineCount, last, bytes } of rawAuditChunks(db, { rows: batchSize })) {
    signal?.throwIfAborted();
    yield countLineBreaks(bytes) === lineCount - 1 ? { firstLine, lineCount, bytes } : { firstLine, texts: texts.all(after, batchSize) as string[] };
    firstLine += lineCount;
    after = last;
    onProgress?.(firstLine - 1, total);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
