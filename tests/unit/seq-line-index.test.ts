import { describe, expect, it } from 'vitest';
import { SeqLineIndex } from '../../electron/services/audit/seq-line-index.ts';

describe('SeqLineIndex', () => {
  it('maps seqs to lines across skipped lines, out-of-order inserts and gaps', () => {
    const index = new SeqLineIndex();
    [[1, 1], [2, 2], [3, 4], [4, 5], [7, 6], [9, 7], [5, 8]].forEach(([seq, line]) => index.add(seq!, line!));
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seq) => index.lineOf(seq))).toEqual([1, 2, 4, 5, 8, undefined, 6, undefined, 7, undefined]);
    expect([...index.gaps()]).toEqual([{ from: 6, to: 6 }, { from: 8, to: 8 }]);
    expect([index.lowest, index.highest]).toEqual([1, 9]);
  });

  it('keeps an in-order file as one run whatever its length', () => {
    const index = new SeqLineIndex();
    for (let seq = 500; seq < 100_500; seq++) index.add(seq, seq - 499);
    expect(index.lineOf(100_499)).toBe(100_000);
    expect(index.lineOf(499)).toBeUndefined();
    expect([...index.gaps()]).toEqual([]);
  });
});
