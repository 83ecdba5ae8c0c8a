import { describe, expect, it } from 'vitest';
import { parseAuditQuery } from '../../shared/audit-query/index.ts';
import { planServerSearch } from '../../shared/audit-query/server-search.ts';

const now = Date.parse('2026-11-23T12:00:00Z');
const cacheStart = Date.parse('2026-08-25T00:00:00Z');
const plan = (q: string, before: number | null = cacheStart) => {
  const parsed = parseAuditQuery(q);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return planServerSearch(parsed.query, { now, before });
};

describe('server-side search plan', () => {
  it('maps fields onto the platform parameters, capped at the oldest cached event', () => {
    expect(plan('actor:ana@acme.io tenant:acme action:invoice.* outcome:denied "plan changed" after:2026-01-01')).toEqual({
      ok: true,
      params: {
        q: 'plan changed',
        actor: 'ana@acme.io',
        tenant_id: 'acme',
        action: 'invoice.',
        outcome: 'denied',
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-08-25T00:00:00.000Z',
      },
    });
  });

  it('keeps the earlier of before: and the cache start', () => {
    expect(plan('before:2026-03-01')).toEqual({ ok: true, params: { to: '2026-03-01T00:00:00.000Z' } });
    expect(plan('before:2026-10-01')).toEqual({ ok: true, params: { to: '2026-08-25T00:00:00.000Z' } });
    expect(plan('action:login', null)).toEqual({ ok: true, params: { action: 'login' } });
  });

  it('refuses what the platform cannot search by, rather than widening the result', () => {
    expect(plan('-outcome:success ip:10.0.0.0/8 outcome:failure,denied target:invoice:in_1 request:req_1 word other -gone action:user*')).toEqual({
      ok: false,
      unsupported: ['excluded words', 'more than one word (quote a phrase instead)', '-outcome:', 'ip:', 'outcome: with alternatives', 'target:', 'request:', "action: wildcards other than 'prefix.*'"],
    });
  });
});
