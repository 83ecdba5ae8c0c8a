import { genesisPrevHash } from '../../../shared/audit/event-hash.ts';
import type { EventRef } from '../../../shared/audit/verify-report.ts';
import type { EventLine, UnreadableLine } from './event-line.ts';
import type { ProblemLog } from './problem-log.ts';
import { SeqLineIndex } from './seq-line-index.ts';

/** An event as the chain needs it. */
interface Link extends EventRef {
  prevHash: string;
  hash: string;
}

/** What the lines add up to, for the manifest comparison and the report. */
export interface ChainSummary {
  lines: number;
  events: number;
  /** The events of the lowest and highest seq; null when there are none. */
  ends: { first: EventRef; last: EventRef } | null;
  /** prev_hash of the lowest seq, hash of the highest: the ends a manifest vouches for. */
  firstPrevHash: string | null;
  lastHash: string | null;
  seqGaps: number;
}

/**
 * Checks a file's events one line at a time: each event's own hash, and each link from seq n-1
 * to seq n wherever both are present, whatever their line order. Links are matched by seq, so
 * swapped lines still verify their links; only the events beside a gap or an out-of-order line
 * are held in memory, never the whole file.
 */
export class ChainVerifier {
  private readonly seen = new SeqLineIndex();
  /** The previous line's event while its successor may be the next line (the common case). */
  private held: Link | null = null;
  private readonly awaitingSuccessor = new Map<number, Link>();
  private readonly awaitingPredecessor = new Map<number, Link>();
  private previousInFile: Link | null = null;
  private lowest: Link | null = null;
  private highest: Link | null = null;
  private lines = 0;
  private events = 0;

  constructor(private readonly problems: ProblemLog) {}

  add(line: number, read: EventLine | UnreadableLine): void {
    this.lines = line;
    if (!read.ok) {
      this.problems.add({ kind: 'unreadable_line', line, seq: read.seq, id: read.id, reason: read.reason });
      return;
    }
    this.events++;
    const link = linkOf(line, read);
    if (read.computedHash !== read.hash) {
      this.problems.add({ kind: 'altered', ...ref(link), stated_hash: read.hash, computed_hash: read.computedHash, reason: read.unhashable });
    }
    const firstLine = this.seen.lineOf(link.seq);
    const previous = this.previousInFile;
    this.previousInFile = link;
    if (firstLine !== undefined) {
      this.problems.add({ kind: 'duplicate', ...ref(link), first_line: firstLine });
      return;
    }
    if (previous !== null && link.seq < previous.seq) this.problems.add({ kind: 'out_of_order', ...ref(link), follows: ref(previous) });
    this.seen.add(link.seq, line);
    if (this.lowest === null || link.seq < this.lowest.seq) this.lowest = link;
    if (this.highest === null || link.seq > this.highest.seq) this.highest = link;
    this.linkToPredecessor(link);
    this.linkToSuccessor(link);
  }

  /**
   * Adds `count` lines ending with `line` (whose event is `last`) that each match their hash and
   * follow the line before them: the seq after its seq, and its hash as their prev_hash. When the
   * chain ends with the line before them, its highest seq and last event so far, they simply
   * extend it, and this adds them at once as add() would one by one. Otherwise it adds nothing
   * and returns false.
   */
  addLinkedRun(line: number, count: number, last: EventLine): boolean {
    const held = this.held;
    if (held === null || held !== this.previousInFile || held.seq !== last.seq - count || this.seen.highest !== held.seq) return false;
    this.lines = line;
    this.events += count;
    this.seen.addRun(held.seq + 1, last.seq, line - count + 1);
    const link = linkOf(line, last);
    this.previousInFile = this.held = this.highest = link;
    return true;
  }

  /** Reports the gaps (as missing ranges unless the export is filtered) and sums up. */
  finish(filtered: boolean): ChainSummary {
    this.releaseHeld();
    let seqGaps = 0;
    for (const { from, to } of this.seen.gaps()) {
      seqGaps++;
      if (filtered) continue;
      const before = this.awaitingSuccessor.get(from - 1)!;
      const after = this.awaitingPredecessor.get(to + 1)!;
      this.problems.add({
        kind: 'missing_range',
        from_seq: from,
        to_seq: to,
        count: to - from + 1,
        before: ref(before),
        after: ref(after),
        chain_linked: after.prevHash === before.hash,
      });
    }
    return {
      lines: this.lines,
      events: this.events,
      ends: this.lowest === null ? null : { first: ref(this.lowest), last: ref(this.highest!) },
      firstPrevHash: this.lowest?.prevHash ?? null,
      lastHash: this.highest?.hash ?? null,
      seqGaps,
    };
  }

  private linkToPredecessor(link: Link): void {
    const held = this.held;
    if (held !== null && held.seq === link.seq - 1) {
      this.held = null;
      this.checkLink(held, link);
      return;
    }
    this.releaseHeld();
    if (link.seq === 1) {
      if (link.prevHash !== genesisPrevHash) this.reportBreak(null, genesisPrevHash, link);
      return;
    }
    const predecessor = this.awaitingSuccessor.get(link.seq - 1);
    if (predecessor === undefined) {
      this.awaitingPredecessor.set(link.seq, link);
      return;
    }
    this.awaitingSuccessor.delete(predecessor.seq);
    this.checkLink(predecessor, link);
  }

  private linkToSuccessor(link: Link): void {
    const successor = this.awaitingPredecessor.get(link.seq + 1);
    if (successor === undefined) {
      this.held = link;
      return;
    }
    this.awaitingPredecessor.delete(successor.seq);
    this.checkLink(link, successor);
  }

  private releaseHeld(): void {
    if (this.held !== null) this.awaitingSuccessor.set(this.held.seq, this.held);
    this.held = null;
  }

  /** The stated hash of the predecessor is what counts: an altered predecessor is reported on its own. */
  private checkLink(previous: Link, next: Link): void {
    if (next.prevHash !== previous.hash) this.reportBreak(previous, previous.hash, next);
  }

  private reportBreak(previous: Link | null, expected: string, next: Link): void {
    this.problems.add({
      kind: 'chain_break',
      ...ref(next),
      previous: previous === null ? null : ref(previous),
      expected_prev_hash: expected,
      stated_prev_hash: next.prevHash,
    });
  }
}

function linkOf(line: number, read: EventLine): Link {
  return { seq: read.seq, id: read.id, line, prevHash: read.prevHash, hash: read.hash };
}

function ref(link: Link): EventRef {
  return { seq: link.seq, id: link.id, line: link.line };
}
