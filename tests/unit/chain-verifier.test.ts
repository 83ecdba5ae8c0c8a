import { describe, expect, it } from 'vitest';
import { Random } from '../../platform/demo-data/random.ts';
import { ChainVerifier } from '../../electron/services/audit/chain-verifier.ts';
import { readEventLine } from '../../electron/services/audit/event-line.ts';
import type { EventLine, UnreadableLine } from '../../electron/services/audit/event-line.ts';
import { ProblemLog } from '../../electron/services/audit/problem-log.ts';
import { makeChain, seal, toLines } from '../fixtures/audit-chain.ts';

type Read = EventLine | UnreadableLine;

/** The chain's problems and summary after adding every line with add(). */
function oneByOne(reads: Read[]) {
  const problems = new ProblemLog();
  const chain = new ChainVerifier(problems);
  reads.forEach((read, index) => chain.add(index + 1, read));
  return { summary: chain.finish(false), problems: problems.listed, counts: problems.counts };
}

/** The same, adding each run of lines that follow the line before as one wherever the chain takes it. */
function inRuns(reads: Read[]) {
  const problems = new ProblemLog();
  const chain = new ChainVerifier(problems);
  const follows = (index: number) => {
    const [before, read] = [reads[index - 1], reads[index]!];
    return before?.ok === true && read.ok && read.computedHash === read.hash && read.seq === before.seq + 1 && read.prevHash === before.hash;
  };
  const addOne = (index: number) => chain.add(index + 1, reads[index]!);
  for (let index = 0; index < reads.length; ) {
    let runEnd = index;
    while (runEnd < reads.length && follows(runEnd)) runEnd++;
    if (runEnd === index) {
      addOne(index++);
      continue;
    }
    const last = reads[runEnd - 1] as EventLine;
    while (index < runEnd && !chain.addLinkedRun(runEnd, runEnd - index, last)) addOne(index++);
    index = runEnd;
  }
  return { summary: chain.finish(false), problems: problems.listed, counts: problems.counts };
}

describe('ChainVerifier.addLinkedRun', () => {
  it('adds runs of linked lines as add() does one by one, however the file is tampered with', () => {
    const random = new Random(99);
    const int = (below: number) => Math.floor(random.next() * below);
    const original = toLines(makeChain(300));
    for (let round = 0; round < 60; round++) {
      const lines = [...original];
      for (let step = 0; step < 1 + int(4); step++) {
        const at = int(lines.length);
        const block = lines.slice(at, at + 1 + int(40));
        const edit = int(6);
        if (edit === 0) lines.splice(int(lines.length), 0, ...block); // repeated
        if (edit === 1) lines.splice(at, block.length); // cut
        if (edit === 2) lines.splice(int(lines.length), 0, ...lines.splice(at, block.length)); // moved
        if (edit === 3) lines[at] = lines[at]!.replace('"outcome":"', '"outcome":"x'); // altered
        if (edit === 4) lines.splice(at, 0, 'not json'); // unreadable
        if (edit === 5) lines[at] = JSON.stringify(seal({ ...(JSON.parse(lines[at]!) as object), prev_hash: 'f'.repeat(64) })); // relinked
      }
      const reads = lines.map((line) => readEventLine(line));
      expect(inRuns(reads)).toEqual(oneByOne(reads));
    }
  });
});
