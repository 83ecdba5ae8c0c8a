import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import type { VerifyProblem } from '../../../shared/audit/verify-report.ts';
import type { ChainSummary } from './chain-verifier.ts';

type ManifestMismatch = Extract<VerifyProblem, { kind: 'manifest_mismatch' }>;

/**
 * Where the file disagrees with its manifest: a different count reads as lines removed or
 * added, ends that moved inward as truncation and outward as appending, other hashes as a change.
 */
/** sha256 is null when the events did not come from a file, and is then not compared. */
export function compareWithManifest(manifest: ExportManifest, file: ChainSummary, sha256: string | null): ManifestMismatch[] {
  const mismatches: ManifestMismatch[] = [];
  const compare = (field: ManifestMismatch['field'], stated: number | string | null, actual: number | string | null, suggests: ManifestMismatch['suggests']) => {
    if (stated !== actual) mismatches.push({ kind: 'manifest_mismatch', field, manifest: stated, file: actual, suggests });
  };
  compare('count', manifest.count, file.lines, file.lines < manifest.count ? 'removed' : 'added');
  compare('first_seq', manifest.first_seq, file.firstSeq, isBelow(manifest.first_seq, file.firstSeq) ? 'truncated' : 'appended');
  compare('last_seq', manifest.last_seq, file.lastSeq, isBelow(file.lastSeq, manifest.last_seq) ? 'truncated' : 'appended');
  compare('first_prev_hash', manifest.first_prev_hash, file.firstPrevHash, 'changed');
  compare('last_hash', manifest.last_hash, file.lastHash, 'changed');
  if (sha256 !== null) compare('sha256', manifest.sha256, sha256, 'changed');
  return mismatches;
}

/** a < b, where a missing end (an empty file) counts as below anything. */
function isBelow(a: number | null, b: number | null): boolean {
  return a === null || (b !== null && a < b);
}
