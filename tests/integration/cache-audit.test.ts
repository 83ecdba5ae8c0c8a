import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import type { ReceivedAuditEvent } from '../../electron/services/cache/append-audit-page.ts';
import { indexAuditText, tenantTextToken } from '../../electron/services/cache/index-audit-text.ts';
import { ftsIndexedUpto } from '../../electron/services/cache/sync-state.ts';
import { readSyncState } from '../../electron/services/cache/sync-state.ts';
import { inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';

describe('audit events in the cache', () => {
  let cache: ReturnType<typeof makeCacheDb>;
  let db: Database;
  const events = [...receivedAuditEvents({ count: 3000 })];
  const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
  const cursor = () => readSyncState(db).find((state) => state.resource === 'audit')?.cursor ?? null;
  const textSearch = (match: string) =>
    db.prepare('SELECT rowid FROM audit_text WHERE audit_text MATCH ? ORDER BY rowid DESC').pluck().all(match) as number[];

  beforeEach(() => {
    cache = makeCacheDb();
    db = cache.db;
  });
  afterEach(() => cache.remove());

  it('stores each event with its raw JSON byte for byte and moves the cursor to the last seq', () => {
    const withUnknown: ReceivedAuditEvent = { raw: events[0]!.raw.replace('{', '{"zeta":{"b":1,"a":[2, 1]} ,'), event: events[0]!.event };
    appendAuditPage(db, [withUnknown, ...events.slice(1, 500)], 1_700_000_000_000);
    expect(count('SELECT count(*) FROM audit_events')).toBe(500);
    expect(db.prepare('SELECT raw FROM audit_events WHERE seq = 1').pluck().get()).toBe(withUnknown.raw);
    const stored = db.prepare('SELECT * FROM audit_events WHERE seq = 2').get() as Record<string, unknown>;
    const { event } = events[1]!;
    expect(stored).toMatchObject({ id: event.id, ts: Date.parse(event.occurred_at), tenant_id: event.tenant_id, actor_id: event.actor.id, action: event.action, outcome: event.outcome, hash: event.hash, prev_hash: event.prev_hash });
    expect(readSyncState(db)).toEqual([
      { resource: 'audit', cursor: '500', lastSuccessAt: 1_700_000_000_000, lastAttemptAt: 1_700_000_000_000, lastError: null, lastErrorAt: null, ftsIndexedUpto: 0 },
    ]);
  });

  it('writes a page atomically: a bad row leaves neither the page nor the cursor', () => {
    appendAuditPage(db, events.slice(0, 1000));
    const duplicate = events[999]!;
    expect(() => appendAuditPage(db, [...events.slice(1000, 1500), duplicate, ...events.slice(1500, 2000)])).toThrow(/UNIQUE constraint failed: audit_events/);
    expect(count('SELECT count(*) FROM audit_events')).toBe(1000);
    expect(cursor()).toBe('1000');
    appendAuditPage(db, events.slice(1000, 2000));
    expect(cursor()).toBe('2000');
  });

  it('indexes text in batches up to the newest event, then only what is new', () => {
    for (const page of inPages(events.slice(0, 2500), 500)) appendAuditPage(db, page);
    expect(textSearch('login')).toEqual([]);
    expect(indexAuditText(db, { batchSize: 700 })).toBe(2500);
    expect(ftsIndexedUpto(db)).toBe(2500);
    expect(indexAuditText(db, { batchSize: 700 })).toBe(0);
    appendAuditPage(db, events.slice(2500));
    expect(indexAuditText(db, { batchSize: 700 })).toBe(500);
    expect(count('SELECT count(*) FROM audit_text')).toBe(3000);
    expect(cursor()).toBe('3000');
  });

  it('finds words of action, actor, target, metadata and changes, also within one tenant', () => {
    appendAuditPage(db, events);
    indexAuditText(db, { batchSize: 1000 });
    const expected = (predicate: (event: ReceivedAuditEvent['event']) => boolean) =>
      events.filter(({ event }) => predicate(event)).map(({ event }) => event.seq).reverse();

    expect(textSearch('login_failed')).toEqual(expected((event) => event.action.includes('login_failed')));
    const someone = events.find(({ event }) => event.actor.email)!.event.actor;
    expect(textSearch(`actor : "${someone.email!}"`)).toEqual(expected((event) => event.actor.email === someone.email));
    expect(textSearch('"monthly revenue"')).toEqual(expected((event) => event.target?.name === 'Monthly revenue'));
    expect(textSearch('metadata : insufficient_funds')).toEqual(expected((event) => event.metadata['decline_code'] === 'insufficient_funds'));
    expect(textSearch('changes : rollout_percent')).toEqual(expected((event) => event.changes?.['rollout_percent'] !== undefined));

    const tenant = events[1500]!.event.tenant_id!;
    const inTenant = textSearch(`tenant : ${tenantTextToken(tenant)} AND login`);
    expect(inTenant.length).toBeGreaterThan(0);
    const tenantOf = new Map(events.map(({ event }) => [event.seq, event.tenant_id]));
    expect(inTenant).toEqual(textSearch('login').filter((seq) => tenantOf.get(seq) === tenant));
  });

  it('writes tenant tokens the way tenantTextToken spells them', () => {
    for (const id of ['ten_kzjklNfGp5H2', 'tenant-ä-1', 'ACME']) {
      expect(db.prepare('SELECT hex(?)').pluck().get(id)).toBe(tenantTextToken(id));
    }
  });
});
