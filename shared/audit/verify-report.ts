import { z } from 'zod';
import { sha256Hex } from '../ops-api/common.ts';

const seq = z.number().int().min(1);
const line = z.number().int().min(1);

export const verifyProblemKind = z.enum([
  'unreadable_line',
  'altered',
  'chain_break',
  'missing_range',
  'duplicate',
  'out_of_order',
  'manifest_mismatch',
  'truncated_range',
  'appended_range',
]);
export type VerifyProblemKind = z.infer<typeof verifyProblemKind>;
const kind = verifyProblemKind.enum;

/** An event as the report points at it: by seq, id and 1-based line of the file. */
export const eventRef = z.object({ seq, id: z.string(), line });
export type EventRef = z.infer<typeof eventRef>;

/** A line that is not JSON, not an audit event (seq, id, prev_hash, hash), or blank. */
export const unreadableLine = z.object({
  kind: z.literal(kind.unreadable_line),
  line,
  seq: seq.nullable(),
  id: z.string().nullable(),
  reason: z.string(),
});

/** The event's content does not hash to its `hash`; computed is null when it cannot be hashed at all. */
export const alteredEvent = eventRef.extend({
  kind: z.literal(kind.altered),
  stated_hash: z.string(),
  computed_hash: sha256Hex.nullable(),
  reason: z.string().nullable(),
});

/** `prev_hash` is not the `hash` of seq - 1 (previous is null for seq 1, whose prev_hash must be 64 zeros). */
export const chainBreak = eventRef.extend({
  kind: z.literal(kind.chain_break),
  previous: eventRef.nullable(),
  expected_prev_hash: z.string(),
  stated_prev_hash: z.string(),
});

/**
 * Seqs from_seq..to_seq are absent between two events of the file. chain_linked says whether
 * `after.prev_hash` still equals `before.hash` (then the chain itself skips those seqs).
 */
export const missingRange = z.object({
  kind: z.literal(kind.missing_range),
  from_seq: seq,
  to_seq: seq,
  count: z.number().int().min(1),
  before: eventRef,
  after: eventRef,
  chain_linked: z.boolean(),
});

/** A second line with a seq already seen. */
export const duplicateEvent = eventRef.extend({ kind: z.literal(kind.duplicate), first_line: line });

/** A line whose seq is lower than that of the event on the line before it. */
export const outOfOrderEvent = eventRef.extend({ kind: z.literal(kind.out_of_order), follows: eventRef });

export const manifestField = z.enum(['count', 'first_seq', 'last_seq', 'first_prev_hash', 'last_hash', 'sha256']);

/**
 * The file disagrees with its manifest; `suggests` reads the disagreement: fewer or more lines
 * (removed / added), ends that moved (truncated / appended), or different hashes (changed).
 */
export const manifestMismatch = z.object({
  kind: z.literal(kind.manifest_mismatch),
  field: manifestField,
  manifest: z.union([z.number(), z.string()]).nullable(),
  file: z.union([z.number(), z.string()]).nullable(),
  suggests: z.enum(['removed', 'added', 'truncated', 'appended', 'changed']),
});

/** Seqs from_seq..to_seq at the first or last end of the file; file_end is the file's event at that end. */
const endRange = z.object({ end: z.enum(['first', 'last']), from_seq: seq, to_seq: seq, file_end: eventRef });

/**
 * Seqs the manifest's ends take in and the file's do not: the file was cut there. (In a
 * filtered export not every seq of the range was exported, but the manifest's end was.)
 */
export const truncatedRange = endRange.extend({ kind: z.literal(kind.truncated_range) });

/** Seqs the file has beyond the manifest's ends: events were added there. */
export const appendedRange = endRange.extend({ kind: z.literal(kind.appended_range) });

export const verifyProblem = z.discriminatedUnion('kind', [
  unreadableLine,
  alteredEvent,
  chainBreak,
  missingRange,
  duplicateEvent,
  outOfOrderEvent,
  manifestMismatch,
  truncatedRange,
  appendedRange,
]);
export type VerifyProblem = z.infer<typeof verifyProblem>;

/**
 * - verified: the signature checks out under a known key with the manifest's key_id
 *   (or under a key given without an id).
 * - invalid: the known keys with that key_id or given without an id all reject it — the
 *   manifest was changed or forged, or signed with another key.
 * - unknown_key: keys were given, all with other key_ids.
 * - no_key: signed, but no key was given to check it with.
 * - absent: no signature (or no manifest).
 */
export const signatureStatus = z.enum(['verified', 'invalid', 'unknown_key', 'no_key', 'absent']);
export type SignatureStatus = z.infer<typeof signatureStatus>;

export const signatureCheck = z.object({ status: signatureStatus, key_id: z.string().nullable(), detail: z.string() });
export type SignatureCheck = z.infer<typeof signatureCheck>;

/**
 * What the file proves about completeness:
 * - proven: one unbroken chain whose ends match the manifest.
 * - ends_unproven: one unbroken chain, but without a manifest events cut from either end go unnoticed.
 * - not_proven: a filtered export (manifest query is not null): each event and each link between
 *   consecutive seqs is checked, but what the filter left out cannot be told from what was removed.
 * - broken: events are missing, the chain breaks, or the file disagrees with its manifest.
 */
export const completenessStatus = z.enum(['proven', 'ends_unproven', 'not_proven', 'broken']);
export type CompletenessStatus = z.infer<typeof completenessStatus>;

export const verifyReport = z.object({
  /** True when no problem was found and the signature, if checked, is not invalid or unknown. */
  intact: z.boolean(),
  file: z.string().nullable(),
  manifest_file: z.string().nullable(),
  lines: z.number().int().min(0),
  events: z.number().int().min(0),
  first_seq: seq.nullable(),
  last_seq: seq.nullable(),
  /** Of the file's content (uncompressed, less a byte order mark and the CRs of CRLF line ends); null when the events did not come from a file. */
  sha256: sha256Hex.nullable(),
  filtered: z.boolean(),
  /** Gaps in seq; problems unless the export is filtered. */
  seq_gaps: z.number().int().min(0),
  completeness: z.object({ status: completenessStatus, detail: z.string() }),
  signature: signatureCheck,
  problem_counts: z.partialRecord(verifyProblemKind, z.number().int().min(1)),
  /** Problems in file order (those found against the manifest last), at most problemListLimit of them. */
  problems: z.array(verifyProblem),
  problems_omitted: z.number().int().min(0),
});
export type VerifyReport = z.infer<typeof verifyReport>;

/** Beyond this many, problems are counted but not listed, so a wholly rewritten file stays reportable. */
export const problemListLimit = 10_000;
