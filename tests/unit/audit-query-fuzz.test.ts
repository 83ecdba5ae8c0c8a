import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAuditQuery } from '../../shared/audit-query/index.ts';
import { planServerSearch } from '../../shared/audit-query/server-search.ts';
import { fuzzed } from '../fixtures/fuzz.ts';
import { anyQuery, queryLike } from '../fixtures/fuzz-queries.ts';

// Bad input, fuzzed: the audit query language. Whatever is typed, the parser answers (never
// throws), an error points at a span of the input and says where, and what parses can be planned.

const now = Date.UTC(2026, 10, 23, 14, 0);

describe('audit query language, fuzzed', () => {
  it('answers any text without throwing: a query, or an error that names a column inside the text', () => {
    fc.assert(
      fc.property(anyQuery, (input) => {
        const result = parseAuditQuery(input);
        if (result.ok) return;
        const { message, position, length } = result.error;
        expect(position).toBeGreaterThanOrEqual(1);
        expect(length).toBeGreaterThanOrEqual(1);
        expect(position + length - 1).toBeLessThanOrEqual(input.length);
        expect(message).toContain(` at ${position}`);
      }),
      fuzzed('query errors', 400),
    );
  });

  it('places every parsed filter where it was typed, and keeps every word whole', () => {
    fc.assert(
      fc.property(queryLike, (input) => {
        const result = parseAuditQuery(input);
        if (!result.ok) return;
        for (const filter of result.query.filters) {
          const typed = input.slice(filter.position - 1, filter.position - 1 + filter.length);
          expect(typed.toLowerCase().startsWith(`${filter.negated ? '-' : ''}${filter.field}:`)).toBe(true);
          expect(filter.values.every((value) => value !== '')).toBe(true);
        }
        for (const term of result.query.terms) {
          expect(term.text).not.toBe('');
          if (!term.phrase) expect(term.text).not.toMatch(/\s/);
        }
      }),
      fuzzed('query positions', 400),
    );
  });

  it('plans what parses for the platform search without throwing, at any time of day the clock may say', () => {
    fc.assert(
      fc.property(queryLike, fc.integer({ min: now - 400 * 86_400_000, max: now + 800 * 86_400_000 }), (input, at) => {
        const result = parseAuditQuery(input);
        if (!result.ok) return;
        const plan = planServerSearch(result.query, { now: at, before: at });
        if (plan.ok) for (const time of [plan.params.from, plan.params.to]) if (time !== undefined) expect(Number.isNaN(Date.parse(time))).toBe(false);
      }),
      fuzzed('query plans', 400),
    );
  });

  it('reads every real calendar date, years 0 to 9999, as that day at midnight UTC', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const day = date.toISOString().slice(0, 10);
        const result = parseAuditQuery(`after:${day}`);
        expect(result.ok).toBe(true);
        const plan = planServerSearch(result.ok ? result.query : { terms: [], filters: [] }, { now, before: null });
        expect(plan).toEqual({ ok: true, params: { from: `${day}T00:00:00.000Z` } });
      }),
      fuzzed('query dates', 200),
    );
  });

  // Regressions the properties found.
  it('refuses a relative time further back than a date can reach, instead of failing to plan it', () => {
    expect(parseAuditQuery('after:99999999999w')).toEqual({
      ok: false,
      error: expect.objectContaining({ position: 1, length: 18, message: expect.stringMatching(/^invalid time '99999999999w' for after: at 1 — /) }),
    });
    expect(parseAuditQuery(`before:${'9'.repeat(400)}d`).ok).toBe(false);
    const furthest = parseAuditQuery('after:14000000w');
    expect(furthest.ok && planServerSearch(furthest.query, { now, before: null })).toEqual({ ok: true, params: { from: expect.stringMatching(/^-2\d{5}-/) } });
  });

  it('reads a date in the years 0 to 99 as that year, not as 19xx', () => {
    const result = parseAuditQuery('before:0050-03-01');
    expect(result.ok && planServerSearch(result.query, { now, before: null })).toEqual({ ok: true, params: { to: '0050-03-01T00:00:00.000Z' } });
  });
});
