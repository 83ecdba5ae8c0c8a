import type { EventLine, UnreadableLine } from './event-line.ts';
import type { PlainEventRead } from './plain-event-line.ts';

// How a line read: the low bits of its outcome.
const matches = 0; // an event whose content hashes to its stated hash
const differs = 1; // an event whose content hashes to something else (the detail)
const unhashable = 2; // an event whose content cannot be hashed (the detail says why)
const unreadable = 3; // not an event (the detail says why), with no id
const unreadableWithId = 4;
const kindBits = 0x07;
/** The line's fields are UTF-16, as strings read the general way may hold lone surrogates, which UTF-8 cannot; else UTF-8. */
const utf16 = 0x08;
/** A matching event with the seq after the line before's, which it links to: its prev_hash is that line's stated hash. */
const linked = 0x10;

/**
 * The reads of a batch of lines in a few typed arrays rather than an object or a string per
 * line: they move between threads without a copy, and the thread that chains them decodes the
 * fields of only the lines it looks at.
 */
export interface PackedReads {
  outcomes: Uint8Array;
  /** NaN where the line gave no seq. */
  seqs: Float64Array;
  /** Each line's id, prev_hash, hash and detail, one after another (empty when absent). */
  fields: Uint8Array;
  /** ends[4 * line + field] is where that field ends in `fields`. */
  ends: Uint32Array;
}

/** Room for the fields of a line of ids and hashes as long as the platform's, before the buffer grows. */
const fieldBytesPerLine = 160;

export class PackedReadsBuilder {
  private readonly outcomes: Uint8Array;
  private readonly seqs: Float64Array;
  private readonly ends: Uint32Array;
  private fields: Buffer;
  private length = 0;
  private count = 0;

  constructor(lines: number) {
    this.outcomes = new Uint8Array(lines);
    this.seqs = new Float64Array(lines);
    this.ends = new Uint32Array(lines * 4);
    this.fields = Buffer.allocUnsafeSlow(lines * fieldBytesPerLine);
  }

  /** An event read on the fast path, its fields still in the line's bytes. */
  addPlain(src: Buffer, read: PlainEventRead): void {
    const line = this.count++;
    this.seqs[line] = read.seq;
    this.copyField(line, 0, src, read.idStart, read.idEnd);
    this.copyField(line, 1, src, read.prevHashStart, read.prevHashEnd);
    this.copyField(line, 2, src, read.hashStart, read.hashEnd);
    if (asciiEquals(src, read.hashStart, read.hashEnd, read.computedHash)) {
      this.ends[line * 4 + 3] = this.length;
      this.outcomes[line] = this.followsLineBefore(line) ? matches | linked : matches;
    } else {
      this.reserve(read.computedHash.length);
      this.length += this.fields.write(read.computedHash, this.length, 'latin1');
      this.ends[line * 4 + 3] = this.length;
      this.outcomes[line] = differs;
    }
  }

  /** A line read the general way. */
  add(read: EventLine | UnreadableLine): void {
    if (read.ok) {
      const outcome = read.computedHash === read.hash ? matches : read.computedHash === null ? unhashable : differs;
      this.append(outcome, read.seq, read.id, read.prevHash, read.hash, outcome === matches ? '' : (read.computedHash ?? read.unhashable!));
    } else {
      this.append(read.id === null ? unreadable : unreadableWithId, read.seq ?? Number.NaN, read.id ?? '', '', '', read.reason);
    }
  }

  finish(): PackedReads {
    return { outcomes: this.outcomes, seqs: this.seqs, fields: this.fields.subarray(0, this.length), ends: this.ends };
  }

  private append(outcome: number, seq: number, ...texts: [string, string, string, string]): void {
    const line = this.count++;
    this.outcomes[line] = outcome | utf16;
    this.seqs[line] = seq;
    texts.forEach((text, field) => {
      this.reserve(text.length * 2);
      this.length += this.fields.write(text, this.length, 'utf16le');
      this.ends[line * 4 + field] = this.length;
    });
  }

  private copyField(line: number, field: number, src: Buffer, start: number, end: number): void {
    this.reserve(end - start);
    const { fields } = this;
    let length = this.length;
    for (let index = start; index < end; index++) fields[length++] = src[index]!;
    this.length = length;
    this.ends[line * 4 + field] = length;
  }

  /** Whether the line (an event on the fast path) has the next seq after the line before's and links to it. */
  private followsLineBefore(line: number): boolean {
    if (line === 0 || (this.outcomes[line - 1]! & (kindBits | utf16)) > differs || this.seqs[line] !== this.seqs[line - 1]! + 1) return false;
    const { fields, ends } = this;
    const prevHashStart = ends[line * 4]!;
    const hashBeforeStart = ends[line * 4 - 3]!;
    const length = ends[line * 4 + 1]! - prevHashStart;
    if (length !== ends[line * 4 - 2]! - hashBeforeStart) return false;
    for (let index = 0; index < length; index++) if (fields[prevHashStart + index] !== fields[hashBeforeStart + index]) return false;
    return true;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.fields.length) return;
    const larger = Buffer.allocUnsafeSlow(Math.max(this.fields.length * 2, this.length + bytes));
    this.fields.copy(larger, 0, 0, this.length);
    this.fields = larger;
  }
}

export const packedLineCount = (reads: PackedReads): number => reads.outcomes.length;

/** The buffers postMessage can move rather than copy. */
export const transferablesOf = (reads: PackedReads): ArrayBuffer[] =>
  [reads.outcomes.buffer, reads.seqs.buffer, reads.fields.buffer, reads.ends.buffer] as ArrayBuffer[];

/**
 * The index after the linked lines from `from` on (`from` when that line is not linked): events
 * that match their hash and follow the line before them in the batch as the chain requires, with
 * the seq after its seq and its stated hash as their prev_hash.
 */
export function linkedRunEnd({ outcomes }: PackedReads, from: number): number {
  let end = from;
  while (end < outcomes.length && (outcomes[end]! & linked) !== 0) end++;
  return end;
}

/** Line `index` (0-based in the batch) as readEventLine returned it. */
export function unpackRead({ outcomes, seqs, fields, ends }: PackedReads, index: number): EventLine | UnreadableLine {
  const outcome = outcomes[index]!;
  const bytes = Buffer.from(fields.buffer, fields.byteOffset, fields.byteLength);
  const encoding = outcome & utf16 ? 'utf16le' : 'utf8';
  const at = index * 4;
  const field = (which: number) => bytes.toString(encoding, at + which === 0 ? 0 : ends[at + which - 1]!, ends[at + which]!);
  const kind = outcome & kindBits;
  const seq = seqs[index]!;
  if (kind === unreadable || kind === unreadableWithId) {
    return { ok: false, seq: Number.isNaN(seq) ? null : seq, id: kind === unreadable ? null : field(0), reason: field(3) };
  }
  const hash = field(2);
  const computedHash = kind === matches ? hash : kind === differs ? field(3) : null;
  return { ok: true, seq, id: field(0), prevHash: field(1), hash, computedHash, unhashable: kind === unhashable ? field(3) : null };
}

function asciiEquals(bytes: Buffer, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let index = 0; index < text.length; index++) if (bytes[start + index] !== text.charCodeAt(index)) return false;
  return true;
}
