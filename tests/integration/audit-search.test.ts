import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditSearch } from '../../electron/services/audit-search/audit-search.ts';
import type { AuditSearch } from '../../electron/services/audit-search/audit-search.ts';
import { compileAuditQuery } from '../../electron/services/audit-search/compile-query.ts';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import type { ReceivedAuditEvent } from '../../electron/services/cache/append-audit-page.ts';
import { indexAuditText } from '../../electron/services/cache/index-audit-text.ts';
import { ipv4ToNumber, parseAuditQuery } from '../../shared/audit-query/index.ts';
import type { AuditEvent } from '../../shared/ops-api/index.ts';
import { fixtureNow, inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';

let cache: ReturnType<typeof makeCacheDb>;
let search: AuditSearch;
let events: AuditEvent[];

beforeAll(() => {
  cache = makeCacheDb();
  const received: ReceivedAuditEvent[] = [...receivedAuditEvents({ count: 20_000 })];
  events = received.map((item) => item.event);
  for (const page of inPages(received, 5_000)) appendAuditPage(cache.db, page);
  indexAuditText(cache.db, { batchSize: 10_000 });
  cache.db.exec('ANALYZE');
  search = createAuditSearch(cache.db, () => fixtureNow);
});
afterAll(() => cache.remove());

/** Every matching seq, newest first, read page by page through the keyset cursor. */
function allSeqs(q: string): number[] {
  const seqs: number[] = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const page = search.search({ q, beforeSeq, limit: 700, withTotal: beforeSeq === undefined });
    if (page.error) throw new Error(page.error.message);
    seqs.push(...page.rows.map((row) => row.seq));
    if (page.nextBeforeSeq === null) return seqs;
    beforeSeq = page.nextBeforeSeq;
  }
}

const firstOctet = () => Number(events.find((event) => event.ip !== null && /^\d+\.\d+\.\d+\.\d+$/.test(event.ip))!.ip!.split('.')[0]);

/** A month of the fixture's history, as the dates a query names: from two months before its end to one. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const rangeFrom = dayOf(fixtureNow - 60 * 86_400_000);
const rangeTo = dayOf(fixtureNow - 30 * 86_400_000);

const newestFirst = (keep: (event: AuditEvent) => boolean) =>
  events
    .filter(keep)
    .map((event) => event.seq)
    .reverse();

describe('audit search answers exactly what the query says', () => {
  it.each<[string, () => string, (event: AuditEvent) => boolean]>([
    ['tenant', () => `tenant:${events[777]!.tenant_id}`, (event) => event.tenant_id === events[777]!.tenant_id],
    ['actor by e-mail', () => `actor:${events.find((event) => event.actor.email)!.actor.email}`, (event) => event.actor.email === events.find((e) => e.actor.email)!.actor.email],
    ['action prefix', () => 'action:user.*', (event) => event.action.startsWith('user.')],
    ['outcome list, negated actor type', () => 'outcome:failure,denied -actor:system', (event) => event.outcome !== 'success' && event.actor.id !== 'system' && event.actor.email !== 'system'],
    ['time range', () => `after:${rangeFrom} before:${rangeTo}`, (event) => event.occurred_at >= rangeFrom && event.occurred_at < rangeTo],
    [
      'IPv4 CIDR',
      () => `ip:${firstOctet()}.0.0.0/8`,
      (event) => event.ip !== null && /^\d+\.\d+\.\d+\.\d+$/.test(event.ip) && Math.floor(ipv4ToNumber(event.ip) / 2 ** 24) === firstOctet(),
    ],
    ['one event by id, or either of two', () => `id:${events[321]!.id},${events[4_321]!.id}`, (event) => event.id === events[321]!.id || event.id === events[4_321]!.id],
    ['negated tenant keeps platform events', () => `-tenant:${events[777]!.tenant_id}`, (event) => event.tenant_id !== events[777]!.tenant_id],
    // A bare word is searched as the word itself when no longer word begins it, else as a prefix.
    ['a word no longer word begins', () => 'Connected', (event) => textWords(event).some((word) => word.startsWith('connected'))],
    ['a word that begins longer words', () => 'connect', (event) => textWords(event).some((word) => word.startsWith('connect'))],
    ['words and a negated prefix', () => 'user login -fail', (event) => ['user', 'login'].every((start) => textWords(event).some((word) => word.startsWith(start))) && !textWords(event).some((word) => word.startsWith('fail'))],
  ])('%s, across keyset pages', (_name, query, keep) => {
    const q = query();
    const expected = newestFirst(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(allSeqs(q)).toEqual(expected);
    expect(search.search({ q, limit: 1, withTotal: true }).total).toBe(expected.length);
  });

  it('free text finds events by words in action, actor, target, metadata and changes', () => {
    const withRole = newestFirst((event) => JSON.stringify(event.changes ?? {}).includes('"role"'));
    const found = allSeqs('role');
    expect(withRole.every((seq) => found.includes(seq))).toBe(true);
    const total = search.search({ q: 'role', limit: 1, withTotal: true }).total!;
    expect(total).toBe(found.length);
  });
});

describe('query plans of the hot queries, after ANALYZE', () => {
  const plan = (q: string) => {
    const parsed = parseAuditQuery(q);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { where, params } = compileAuditQuery(parsed.query, { now: fixtureNow, tenantId: (value) => value });
    return (cache.db.prepare(`EXPLAIN QUERY PLAN SELECT seq FROM audit_events WHERE ${where} ORDER BY seq DESC LIMIT 100`).all(...params) as Array<{ detail: string }>)
      .map((row) => row.detail)
      .join(' | ');
  };

  it.each([
    [() => `tenant:${events[5]!.tenant_id}`, 'audit_events_tenant'],
    [() => `request:${events[5]!.request_id}`, 'audit_events_request'],
    [() => `actor:${events[5]!.actor.id}`, 'audit_events_actor_id'],
    [() => 'outcome:denied', 'audit_events_outcome'],
    [() => 'after:7d', 'INTEGER PRIMARY KEY (rowid>?)'],
  ])('%s uses %s', (query, index) => {
    expect(plan(query())).toContain(index);
  });

  it('the time bound is found from the (ts, seq) index, not by scanning the range', () => {
    expect(plan('after:30d')).toMatch(/SEARCH audit_events USING COVERING INDEX audit_events_ts \(ts>\?\)/);
  });
});

/** The words the full-text index holds for an event, as its tokenizer splits plain ASCII text. */
function textWords(event: AuditEvent): string[] {
  const { actor, target } = event;
  const text = [event.action, actor.type, actor.id, actor.email, actor.name, target?.type, target?.id, target?.name, JSON.stringify(event.metadata), JSON.stringify(event.changes)];
  return text.join(' ').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

describe('histogram and facets', () => {
  /** Brute-force buckets of the matching events, as histogram() defines them. */
  function expectedBuckets(keep: (event: AuditEvent) => boolean, bucketMs: number) {
    const times = events.filter(keep).map((event) => Date.parse(event.occurred_at));
    const first = Math.min(...times);
    const counts = new Map<number, number>();
    for (const time of times) {
      const at = first + Math.floor((time - first) / bucketMs) * bucketMs;
      counts.set(at, (counts.get(at) ?? 0) + 1);
    }
    return [...counts].map(([at, count]) => ({ at, count })).sort((a, b) => a.at - b.at);
  }

  it.each<[string, (event: AuditEvent) => boolean]>([
    ['', () => true],
    [`after:${rangeFrom} before:${rangeTo}`, (event) => event.occurred_at >= rangeFrom && event.occurred_at < rangeTo],
    ['outcome:denied', (event) => event.outcome === 'denied'],
    ['exported', (event) => /exported/.test(event.action)],
    ['outcome:success exported', (event) => event.outcome === 'success' && /exported/.test(event.action)],
    // A bare word no longer word begins (counted per bucket in the FTS index), and one that begins several (read at once).
    ['connected', (event) => textWords(event).some((word) => word.startsWith('connected'))],
    ['connect', (event) => textWords(event).some((word) => word.startsWith('connect'))],
    ['Login "user"', (event) => textWords(event).some((word) => word.startsWith('login')) && textWords(event).includes('user')],
  ])('histogram of %j counts every matching event in its bucket', (q, keep) => {
    const histogram = search.histogram(q, 120);
    expect(histogram.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(events.filter(keep).length);
    expect(histogram.buckets.filter((bucket) => bucket.count > 0).sort((a, b) => a.at - b.at)).toEqual(expectedBuckets(keep, histogram.bucketMs));
  });

  it.each(['exported', 'outcome:success exported', 'action:user.*'])('facets of %j count exactly the newest matches up to the sample size', (q) => {
    const facets = search.facets(q);
    const total = search.search({ q, limit: 1, withTotal: true }).total!;
    expect(total).toBeGreaterThan(0);
    expect(facets.outcomes.reduce((sum, facet) => sum + facet.count, 0)).toBe(Math.min(total, facets.sampledUpTo));
  });

  it('facets count the newest matches by action, actor, tenant and outcome', () => {
    const facets = search.facets('action:user.*');
    const sample = events.filter((event) => event.action.startsWith('user.')).slice(-facets.sampledUpTo);
    const top = (value: (event: AuditEvent) => string | null) => {
      const counts = new Map<string, number>();
      for (const event of sample) {
        const key = value(event);
        if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return Math.max(...counts.values());
    };
    expect(facets.actions[0]!.count).toBe(top((event) => event.action));
    expect(facets.actors[0]!.count).toBe(top((event) => event.actor.email ?? event.actor.id));
    expect(facets.tenants[0]!.count).toBe(top((event) => event.tenant_id));
    expect(facets.outcomes.map((facet) => facet.value).sort()).toEqual([...new Set(sample.map((event) => event.outcome))].sort());
  });
});

describe('broad filters are read newest first without sorting every match', () => {
  it.each(['action:user.*', 'outcome:failure,denied', () => `actor:${events[500]!.actor.email ?? events[500]!.actor.id}`, 'action:user.* -outcome:success tenant:x,y', 'action:user.* exported'])(
    '%s',
    (query) => {
      const q = typeof query === 'function' ? query() : query;
      const parsed = parseAuditQuery(q);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const { where, newestFirstWhere, params } = compileAuditQuery(parsed.query, { now: fixtureNow, tenantId: (value) => value, isBroad: () => true });
      expect(newestFirstWhere).not.toBe(where);
      const newest = (condition: string) => cache.db.prepare(`SELECT seq FROM audit_events WHERE ${condition} ORDER BY seq DESC LIMIT 300`).pluck().all(...params);
      expect(newest(newestFirstWhere)).toEqual(newest(where));
      const plan = (cache.db.prepare(`EXPLAIN QUERY PLAN SELECT seq FROM audit_events WHERE ${newestFirstWhere} ORDER BY seq DESC LIMIT 300`).all(...params) as Array<{ detail: string }>).map((step) => step.detail);
      expect(plan.join('\n')).not.toContain('TEMP B-TREE');
    },
  );
});
