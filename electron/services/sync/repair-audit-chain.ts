import type { Database } from 'better-sqlite3';
import type { VerifyProblem, VerifyReport } from '../../../shared/audit/verify-report.ts';
import { checkAuditRows } from '../audit-sources/verify-audit-db.ts';
import { dropAuditEventsFrom } from '../cache/drop-audit-events.ts';
import { sourceWorkerPaths } from '../workers/start-worker.ts';

/** What the check of a cached audit chain found, and what it dropped for the sync to fetch again. */
export interface ChainRepair {
  /** Events checked by the first pass: everything the cache held. */
  checked: number;
  /** The first seq dropped, and why; null when the chain held. */
  brokenAt: null | { seq: number; problem: VerifyProblem['kind'] };
  dropped: number;
}

/** Passes at most: each drops at least one event, and one pass almost always finds everything. */
const maxPasses = 5;

/**
 * Checks the hash chain of the audit events a cache holds (each event's hash, each link, no
 * seq missing between its ends) and drops everything from the first break on, so the sync
 * fetches it again from the platform. For a cache the last process left without closing it: a
 * bulk load writes without waiting for the disk, and a power cut may lose a page that
 * quick_check cannot miss, such as rows of a table page written back as it was before.
 * Hashes on this thread: it runs once, before the sync starts, on the sync's own thread.
 */
export async function repairAuditChain(db: Database, { onProgress }: { onProgress?: (checked: number, total: number) => void } = {}): Promise<ChainRepair> {
  let checked: number | null = null;
  let brokenAt: ChainRepair['brokenAt'] = null;
  let dropped = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const report = await checkAuditRows(db, { workerPaths: sourceWorkerPaths, workers: 0, ...(pass === 0 && onProgress ? { onProgress } : {}) });
    checked ??= report.events;
    const broken = firstBreak(db, report);
    if (broken === null) break;
    brokenAt ??= broken;
    dropped += dropAuditEventsFrom(db, broken.seq);
  }
  return { checked: checked ?? 0, brokenAt, dropped };
}

/** The lowest seq a problem of the report puts in doubt; null for an intact chain. */
function firstBreak(db: Database, report: VerifyReport): ChainRepair['brokenAt'] {
  let first: ChainRepair['brokenAt'] = null;
  for (const problem of report.problems) {
    const seq = doubtedSeq(db, problem);
    if (seq !== null && (first === null || seq < first.seq)) first = { seq, problem: problem.kind };
  }
  return first;
}

function doubtedSeq(db: Database, problem: VerifyProblem): number | null {
  switch (problem.kind) {
    case 'missing_range':
      return problem.from_seq;
    case 'unreadable_line':
      // "line" is the event's position in seq order.
      return problem.seq ?? (db.prepare('SELECT seq FROM audit_events ORDER BY seq LIMIT 1 OFFSET ?').pluck().get(problem.line - 1) as number);
    case 'altered':
    case 'chain_break':
    case 'duplicate':
    case 'out_of_order':
      return problem.seq;
    default:
      return null; // manifest problems: a cache has no manifest
  }
}
