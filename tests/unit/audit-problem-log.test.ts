import { describe, expect, it } from 'vitest';
import { problemListLimit } from '../../shared/audit/verify-report.ts';
import { ProblemLog } from '../../electron/services/audit/problem-log.ts';

describe('ProblemLog', () => {
  it('counts every problem but lists only the first problemListLimit', () => {
    const log = new ProblemLog();
    for (let line = 1; line <= problemListLimit + 5; line++) log.add({ kind: 'unreadable_line', line, seq: null, id: null, reason: 'blank line' });
    log.add({ kind: 'manifest_mismatch', field: 'count', manifest: 1, file: 2, suggests: 'added' });
    expect(log.listed).toHaveLength(problemListLimit);
    expect(log.listed.at(-1)).toMatchObject({ line: problemListLimit });
    expect(log.omitted).toBe(6);
    expect(log.counts).toEqual({ unreadable_line: problemListLimit + 5, manifest_mismatch: 1 });
    expect(log.has('manifest_mismatch')).toBe(true);
    expect(log.has('altered', 'duplicate')).toBe(false);
  });
});
