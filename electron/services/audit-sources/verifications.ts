import type { Database } from 'better-sqlite3';
import { verifyReport } from '../../../shared/audit/verify-report.ts';
import type { VerifyReport } from '../../../shared/audit/verify-report.ts';
import type { SourceVerification } from '../../../shared/console-api/index.ts';

interface VerificationRow {
  checked_at: number;
  report: string;
}

/** The newest stored hash-chain check of a database, or null when it was never checked (or predates migration 003). */
export function latestVerification(db: Database): { checkedAt: number; report: VerifyReport } | null {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'verifications'").get() === undefined) return null;
  const row = db.prepare('SELECT checked_at, report FROM verifications ORDER BY id DESC LIMIT 1').get() as VerificationRow | undefined;
  return row === undefined ? null : { checkedAt: row.checked_at, report: verifyReport.parse(JSON.parse(row.report)) };
}

export function saveVerification(db: Database, report: VerifyReport, checkedAt = Date.now()): void {
  db.prepare('INSERT INTO verifications (checked_at, from_seq, to_seq, intact, report) VALUES (?, ?, ?, ?, ?)').run(
    checkedAt,
    report.first_seq,
    report.last_seq,
    report.intact ? 1 : 0,
    JSON.stringify(report),
  );
}

/** The seqs a report found altered (the table marks them). */
export function alteredSeqs(report: VerifyReport): Set<number> {
  return new Set(report.problems.flatMap((problem) => (problem.kind === 'altered' ? [problem.seq] : [])));
}

export function summarizeVerification(checkedAt: number, report: VerifyReport): SourceVerification {
  const range = report.first_seq === null ? '' : `, seq ${report.first_seq.toLocaleString('en-US')}..${report.last_seq!.toLocaleString('en-US')}`;
  const total = Object.values(report.problem_counts).reduce((sum, count) => sum + count, 0);
  const kinds = Object.entries(report.problem_counts).map(([kind, count]) => `${count} ${kind.replaceAll('_', ' ')}`);
  return {
    checkedAt: new Date(checkedAt).toISOString(),
    intact: report.intact,
    summary: report.intact
      ? `${report.events.toLocaleString('en-US')} events${range}: every hash and link verified`
      : `${total} problem${total === 1 ? '' : 's'}: ${kinds.join(', ')}`,
  };
}
