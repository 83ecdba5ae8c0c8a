import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import type { VerifyProblem } from '../../../shared/audit/verify-report.ts';
import type { ChainSummary } from './chain-verifier.ts';

type ManifestMismatch = Extract<VerifyProblem, { kind: 'manifest_mismatch' }>;
type EndRange = Extract<VerifyProblem, { kind: 'truncated_range' | 'appended_range' }>;

/**
 * Where the file disagrees with its manifest: a different count reads as lines removed or
 * added, ends that moved inward as truncation and outward as appending, other hashes as a change.
 * Then the seqs the moved ends cut off or added, as ranges.
 * sha256 is null when the events did not come from a file, and is then not compared.
 */
export function compareWithManifest(manifest: ExportManifest, file: ChainSummary, sha256: string | null): VerifyProblem[] {
  return [...fieldMismatches(manifest, file, sha256), ...endRanges(manifest, file)];
}

function fieldMismatches(manifest: ExportManifest, file: ChainSummary, sha256: string | null): ManifestMismatch[] {
  const mismatches: ManifestMismatch[] = [];
  const compare = (field: ManifestMismatch['field'], stated: number | string | null, actual: number | string | null, suggests: ManifestMismatch['suggests']) => {
    if (stated !== actual) mismatches.push({ kind: 'manifest_mismatch', field, manifest: stated, file: actual, suggests });
  };
  const firstSeq = file.ends?.first.seq ?? null;
  const lastSeq = file.ends?.last.seq ?? null;
  compare('count', manifest.count, file.lines, file.lines < manifest.count ? 'removed' : 'added');
  compare('first_seq', manifest.first_seq, firstSeq, isBelow(manifest.first_seq, firstSeq) ? 'truncated' : 'appended');
  compare('last_seq', manifest.last_seq, lastSeq, isBelow(lastSeq, manifest.last_seq) ? 'truncated' : 'appended');
  compare('first_prev_hash', manifest.first_prev_hash, file.firstPrevHash, 'changed');
  compare('last_hash', manifest.last_hash, file.lastHash, 'changed');
  if (sha256 !== null) compare('sha256', manifest.sha256, sha256, 'changed');
  return mismatches;
}

/**
 * The seqs between the manifest's ends and the file's, at each end: within the manifest's and
 * not the file's are truncated, within the file's and not the manifest's appended. Nothing
 * when either has no events, which the count and seq mismatches already say.
 */
function endRanges(manifest: ExportManifest, { ends }: ChainSummary): EndRange[] {
  const { first_seq: first, last_seq: last } = manifest;
  if (ends === null || first === null || last === null) return [];
  const ranges: EndRange[] = [];
  const add = (kind: EndRange['kind'], end: EndRange['end'], from: number, to: number) => {
    if (from <= to) ranges.push({ kind, end, from_seq: from, to_seq: to, file_end: ends[end] });
  };
  add('truncated_range', 'first', first, Math.min(ends.first.seq - 1, last));
  add('appended_range', 'first', ends.first.seq, Math.min(first - 1, ends.last.seq));
  add('truncated_range', 'last', Math.max(ends.last.seq + 1, first), last);
  add('appended_range', 'last', Math.max(last + 1, ends.first.seq), ends.last.seq);
  return ranges;
}

/** a < b, where a missing end (an empty file) counts as below anything. */
function isBelow(a: number | null, b: number | null): boolean {
  return a === null || (b !== null && a < b);
}
