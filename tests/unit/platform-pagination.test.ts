import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../platform/http/problem.ts';
import { decodeCursor, encodeCursor, toPage } from '../../platform/pagination.ts';

describe('opaque cursors', () => {
  it('round-trip the sort key of their list', () => {
    expect(decodeCursor('tenants', encodeCursor('tenants', ['Alder Labs', 'ten_1']), 2)).toEqual(['Alder Labs', 'ten_1']);
    expect(decodeCursor('tenants', undefined, 2)).toBeNull();
  });

  it.each([
    ['another list', encodeCursor('jobs', [5])],
    ['a wrong key length', encodeCursor('tenants', ['a'])],
    ['garbage', 'not-base64-json'],
    ['a key of objects', Buffer.from(JSON.stringify({ l: 'tenants', k: [{}, {}] })).toString('base64url')],
  ])('reject %s with a 422 naming the cursor', (_what, cursor) => {
    const attempt = () => decodeCursor('tenants', cursor, 2);
    expect(attempt).toThrow(ProblemError);
    expect(attempt).toThrow(/cursor: not a cursor of tenants/);
  });
});

describe('toPage', () => {
  const rows = [{ n: 1 }, { n: 2 }, { n: 3 }];

  it('gives a cursor to the last item served when more rows were fetched than the limit', () => {
    const page = toPage('numbers', rows, 2, (row) => row.n, (row) => [row.n]);
    expect(page.data).toEqual([1, 2]);
    expect(decodeCursor('numbers', page.next_cursor ?? undefined, 1)).toEqual([2]);
  });

  it('ends with next_cursor null', () => {
    expect(toPage('numbers', rows, 3, (row) => row.n, (row) => [row.n]).next_cursor).toBeNull();
  });
});
