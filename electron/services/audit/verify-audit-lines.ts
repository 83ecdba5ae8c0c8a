import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import type { SignatureCheck, VerifyReport } from '../../../shared/audit/verify-report.ts';
import { ChainVerifier } from './chain-verifier.ts';
import { assessCompleteness } from './completeness.ts';
import { compareWithManifest } from './manifest-check.ts';
import { checkManifestSignature } from './manifest-signature.ts';
import type { EventLine } from './event-line.ts';
import type { LineBatch, LineBytes } from './ndjson-lines.ts';
import { linkedRunEnd, packedLineCount, unpackRead } from './packed-reads.ts';
import { ProblemLog } from './problem-log.ts';
import type { KnownKey } from './public-keys.ts';
import { readEventBatches } from './read-event-batches.ts';
import type { EventBatch } from './read-event-batches.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';

export interface VerifySource {
  file: string | null;
  manifestFile: string | null;
  manifest: ExportManifest | null;
  /** Keys to check the manifest's signature with. */
  keys: KnownKey[];
  /** SHA-256 of the bytes the lines came from, once they are all read; null when not from a file. */
  sha256(): string | null;
  /** Worker threads to parse and hash on; 0 for none. */
  workers: number;
  /**
   * The query the events were exported with, when it is known without the manifest (an
   * imported filtered export): seq gaps are then the filter's, not missing events.
   */
  filter?: ExportManifest['query'];
  /** Where the worker entry files are (the bundled ones in Electron); sources by default. */
  workerPaths?: WorkerPaths;
}

/** Verifies raw NDJSON event lines (from a file, an import or the cache) into the report of ops-api.md. */
export async function verifyAuditLines(batches: AsyncIterable<LineBatch | LineBytes>, source: VerifySource): Promise<VerifyReport> {
  const problems = new ProblemLog();
  const chain = new ChainVerifier(problems);
  for await (const batch of readEventBatches(batches, source.workers, source.workerPaths)) addToChain(chain, batch);
  const { manifest } = source;
  const filter = manifest?.query ?? source.filter ?? null;
  const filtered = filter !== null;
  const summary = chain.finish(filtered);
  const sha256 = source.sha256();
  if (manifest !== null) {
    for (const mismatch of compareWithManifest(manifest, summary, sha256)) problems.add(mismatch);
  }
  const signature: SignatureCheck =
    manifest === null ? { status: 'absent', key_id: null, detail: 'There is no manifest, so nothing is signed.' } : checkManifestSignature(manifest, source.keys);
  return {
    intact: problems.empty && signature.status !== 'invalid' && signature.status !== 'unknown_key',
    file: source.file,
    manifest_file: source.manifestFile,
    lines: summary.lines,
    events: summary.events,
    first_seq: summary.ends?.first.seq ?? null,
    last_seq: summary.ends?.last.seq ?? null,
    sha256,
    filtered,
    seq_gaps: summary.seqGaps,
    completeness: assessCompleteness(problems, summary, manifest, filter, signature),
    signature,
    problem_counts: problems.counts,
    problems: problems.listed,
    problems_omitted: problems.omitted,
  };
}

/** Adds a batch's lines to the chain: each run of linked lines at once where the chain can take it, the rest one by one. */
function addToChain(chain: ChainVerifier, { firstLine, reads }: EventBatch): void {
  const addOne = (index: number) => chain.add(firstLine + index, unpackRead(reads, index));
  const count = packedLineCount(reads);
  for (let index = 0; index < count; ) {
    const runEnd = linkedRunEnd(reads, index);
    if (runEnd === index) {
      addOne(index++);
      continue;
    }
    // Linked lines are matching events.
    const last = unpackRead(reads, runEnd - 1) as EventLine;
    while (index < runEnd && !chain.addLinkedRun(firstLine + runEnd - 1, runEnd - index, last)) addOne(index++);
    index = runEnd;
  }
}
