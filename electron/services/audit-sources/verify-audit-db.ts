import Database from 'better-sqlite3';
import type { VerifyReport } from '../../../shared/audit/verify-report.ts';
import type { LineBatch } from '../audit/ndjson-lines.ts';
import { defaultWorkerCount } from '../audit/read-event-batches.ts';
import { verifyAuditLines } from '../audit/verify-audit-lines.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import { saveVerification } from './verifications.ts';

export interface VerifyDbOptions {
  /** Where the verify worker's entry is (bundled in Electron). */
  workerPaths: WorkerPaths;
  signal?: AbortSignal;
  /** Called after each batch with events checked so far and the total. */
  onProgress?: (checked: number, total: number) => void;
}

const batchSize = 5_000;

/**
 * Checks the hash chain of every audit event a database holds, in seq order, and stores the
 * report in its verifications table. "line" in the report is the event's position (1-based).
 */
export async function verifyAuditDb(path: string, { workerPaths, signal, onProgress }: VerifyDbOptions): Promise<VerifyReport> {
  const reader = new Database(path, { readonly: true, fileMustExist: true });
  let report: VerifyReport;
  try {
    const filter = reader.prepare('SELECT filter_query FROM source_info').pluck().get() as string | null | undefined;
    report = await verifyAuditLines(rawBatches(reader, signal, onProgress), {
      filter: filter == null ? null : (JSON.parse(filter) as Record<string, unknown>),
      file: null,
      manifestFile: null,
      manifest: null,
      keys: [],
      sha256: () => null,
      workers: defaultWorkerCount(),
      workerPaths,
    });
  } finally {
    reader.close();
  }
  const writer = new Database(path, { fileMustExist: true, timeout: 5_000 });
  try {
    saveVerification(writer, report);
  } finally {
    writer.close();
  }
  return report;
}

/** The raw events in seq order, a batch at a time, yielding to the event loop between batches. */
async function* rawBatches(db: Database.Database, signal: AbortSignal | undefined, onProgress: VerifyDbOptions['onProgress']): AsyncGenerator<LineBatch> {
  const total = db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
  const next = db.prepare('SELECT seq, raw FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?');
  let after = 0;
  let firstLine = 1;
  for (;;) {
    signal?.throwIfAborted();
    const rows = next.all(after, batchSize) as Array<{ seq: number; raw: string }>;
    if (rows.length === 0) return;
    yield { firstLine, texts: rows.map((row) => row.raw) };
    firstLine += rows.length;
    after = rows.at(-1)!.seq;
    onProgress?.(firstLine - 1, total);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
