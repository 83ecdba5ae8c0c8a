import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import type { CompletenessStatus, SignatureCheck } from '../../../shared/audit/verify-report.ts';
import type { ChainSummary } from './chain-verifier.ts';
import type { ProblemLog } from './problem-log.ts';

/** What the file proves about completeness (see completenessStatus for the rule). */
export function assessCompleteness(
  problems: ProblemLog,
  summary: ChainSummary,
  manifest: ExportManifest | null,
  filter: ExportManifest['query'],
  signature: SignatureCheck,
): { status: CompletenessStatus; detail: string } {
  if (problems.has('missing_range', 'chain_break', 'unreadable_line', 'manifest_mismatch')) {
    return { status: 'broken', detail: 'Events are missing or the chain is broken: see the problems below.' };
  }
  if (filter !== null) {
    return {
      status: 'not_proven',
      detail:
        `A filtered export (query ${JSON.stringify(filter)}): every event's hash and every link between ` +
        `consecutive seqs checks out, but the ${summary.seqGaps} seq gap(s) the filter left cannot be told apart from removed events.`,
    };
  }
  const span = summary.ends === null ? 'No events' : `One unbroken chain from seq ${summary.ends.first.seq} to ${summary.ends.last.seq}`;
  if (manifest === null) {
    return { status: 'ends_unproven', detail: `${span}; with no manifest, events cut from before the first or after the last would go unnoticed.` };
  }
  const origin =
    signature.status === 'verified'
      ? 'whose signature verifies.'
      : 'but the manifest is not signature-verified, so this proves consistency, not origin.';
  return { status: 'proven', detail: `${span}, matching the manifest, ${origin}` };
}
