/** A run of seqs that sit on consecutive lines: seq firstSeq + k is on line firstLine + k. */
interface Run {
  firstSeq: number;
  lastSeq: number;
  firstLine: number;
}

/**
 * Which seqs a file holds and on which line, in memory proportional to the number of
 * irregularities rather than events: an in-order file is one run.
 */
export class SeqLineIndex {
  /** Sorted by firstSeq; runs never overlap. */
  private readonly runs: Run[] = [];

  /** Records seq on line; the seq must not be recorded yet. */
  add(seq: number, line: number): void {
    const last = this.runs.at(-1);
    if (last === undefined || seq > last.lastSeq) {
      if (last !== undefined && seq === last.lastSeq + 1 && line === last.firstLine + (seq - last.firstSeq)) last.lastSeq = seq;
      else this.runs.push({ firstSeq: seq, lastSeq: seq, firstLine: line });
      return;
    }
    this.runs.splice(this.runAfter(seq), 0, { firstSeq: seq, lastSeq: seq, firstLine: line });
  }

  /** Records seqs firstSeq..lastSeq on consecutive lines from firstLine, as add() would one by one; all above every seq recorded. */
  addRun(firstSeq: number, lastSeq: number, firstLine: number): void {
    this.add(firstSeq, firstLine);
    this.runs.at(-1)!.lastSeq = lastSeq;
  }

  /** The line holding seq, or undefined when the file has not shown it yet. */
  lineOf(seq: number): number | undefined {
    const run = this.runs[this.runAfter(seq) - 1];
    return run !== undefined && seq <= run.lastSeq ? run.firstLine + (seq - run.firstSeq) : undefined;
  }

  get lowest(): number | null {
    return this.runs[0]?.firstSeq ?? null;
  }

  get highest(): number | null {
    return this.runs.at(-1)?.lastSeq ?? null;
  }

  /** Ranges of seqs missing between the lowest and highest, ascending. */
  *gaps(): Generator<{ from: number; to: number }> {
    for (let index = 1; index < this.runs.length; index++) {
      const from = this.runs[index - 1]!.lastSeq + 1;
      const to = this.runs[index]!.firstSeq - 1;
      if (from <= to) yield { from, to };
    }
  }

  /** Index of the first run starting after seq. */
  private runAfter(seq: number): number {
    let low = 0;
    let high = this.runs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.runs[middle]!.firstSeq <= seq) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
