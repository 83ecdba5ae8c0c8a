import type { EventLine, UnreadableLine } from './event-line.ts';

/** How a line read. */
const matches = 0; // an event whose content hashes to its stated hash
const differs = 1; // an event whose content hashes to something else (the detail)
const unhashable = 2; // an event whose content cannot be hashed (the detail says why)
const unreadable = 3; // not an event (the detail says why), with no id
const unreadableWithId = 4;

/**
 * The reads of a batch of lines in a few typed arrays and one string rather than an object per
 * line: posting them between threads then costs a copy, not a structured clone per line.
 */
export interface PackedReads {
  outcomes: Uint8Array;
  /** NaN where the line gave no seq. */
  seqs: Float64Array;
  /** Each line's id, prev_hash, hash and detail, one after another ("" when absent). */
  text: string;
  /** ends[4 * line + field] is where that field ends in text. */
  ends: Uint32Array;
}

export class PackedReadsBuilder {
  private readonly outcomes: Uint8Array;
  private readonly seqs: Float64Array;
  private readonly ends: Uint32Array;
  private text = '';
  private count = 0;

  constructor(lines: number) {
    this.outcomes = new Uint8Array(lines);
    this.seqs = new Float64Array(lines);
    this.ends = new Uint32Array(lines * 4);
  }

  add(read: EventLine | UnreadableLine): void {
    if (read.ok) {
      const outcome = read.computedHash === read.hash ? matches : read.computedHash === null ? unhashable : differs;
      this.append(outcome, read.seq, read.id, read.prevHash, read.hash, outcome === matches ? '' : (read.computedHash ?? read.unhashable!));
    } else {
      this.append(read.id === null ? unreadable : unreadableWithId, read.seq ?? Number.NaN, read.id ?? '', '', '', read.reason);
    }
  }

  finish(): PackedReads {
    return { outcomes: this.outcomes, seqs: this.seqs, text: this.text, ends: this.ends };
  }

  private append(outcome: number, seq: number, id: string, prevHash: string, hash: string, detail: string): void {
    const line = this.count++;
    this.outcomes[line] = outcome;
    this.seqs[line] = seq;
    let end = this.text.length;
    this.ends[line * 4] = end += id.length;
    this.ends[line * 4 + 1] = end += prevHash.length;
    this.ends[line * 4 + 2] = end += hash.length;
    this.ends[line * 4 + 3] = end + detail.length;
    this.text += id + prevHash + hash + detail;
  }
}

export const packedLineCount = (reads: PackedReads): number => reads.outcomes.length;

/** The buffers postMessage can move rather than copy. */
export const transferablesOf = (reads: PackedReads): ArrayBuffer[] => [reads.outcomes.buffer, reads.seqs.buffer, reads.ends.buffer] as ArrayBuffer[];

/** Line `index` (0-based in the batch) as readEventLine returned it. */
export function unpackRead({ outcomes, seqs, text, ends }: PackedReads, index: number): EventLine | UnreadableLine {
  const at = index * 4;
  const idEnd = ends[at]!;
  const id = text.slice(index === 0 ? 0 : ends[at - 1]!, idEnd);
  const detail = text.slice(ends[at + 2]!, ends[at + 3]!);
  const outcome = outcomes[index]!;
  const seq = seqs[index]!;
  if (outcome === unreadable || outcome === unreadableWithId) {
    return { ok: false, seq: Number.isNaN(seq) ? null : seq, id: outcome === unreadable ? null : id, reason: detail };
  }
  const prevHash = text.slice(idEnd, ends[at + 1]!);
  const hash = text.slice(ends[at + 1]!, ends[at + 2]!);
  const computedHash = outcome === matches ? hash : outcome === differs ? detail : null;
  return { ok: true, seq, id, prevHash, hash, computedHash, unhashable: outcome === unhashable ? detail : null };
}
