import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { liveSample, queueSamplesTable } from '../../electron/services/cache/cache-tables.ts';
import { indexAuditText } from '../../electron/services/cache/index-audit-text.ts';
import { usedBytes } from '../../electron/services/cache/prune-audit.ts';
import { pruneCache } from '../../electron/services/cache/prune-cache.ts';
import { rowsOf, writeSynced } from '../../electron/services/cache/synced-rows.ts';
import type { Queue } from '../../shared/ops-api/index.ts';
import { fixtureNow, inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';

const day = 86_400_000;
const noBudget = { auditMaxAgeDays: 10_000, maxBytes: 1e12, now: fixtureNow };

describe('pruning the cache', () => {
  let cache: ReturnType<typeof makeCacheDb>;
  let db: Database;
  const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
  const fill = (events: number) => {
    for (const page of inPages(receivedAuditEvents({ count: events }), 2000)) appendAuditPage(db, page);
    indexAuditText(db, { batchSize: 2000 });
  };

  beforeEach(() => {
    cache = makeCacheDb();
    db = cache.db;
  });
  afterEach(() => cache.remove());

  it('deletes audit events older than the window, and their text entries', () => {
    fill(4000);
    const cutoff = fixtureNow - 90 * day;
    const old = count('SELECT count(*) FROM audit_events WHERE ts < ?', cutoff);
    expect(old).toBeGreaterThan(2000);
    const result = pruneCache(db, { ...noBudget, auditMaxAgeDays: 90 });
    expect(result).toMatchObject({ auditDeleted: old, auditDeletedByAge: old, auditDeletedForSize: 0 });
    expect(count('SELECT count(*) FROM audit_events WHERE ts < ?', cutoff)).toBe(0);
    expect(count('SELECT count(*) FROM audit_events')).toBe(4000 - old);
    expect(count('SELECT count(*) FROM audit_text')).toBe(4000 - old);
    expect(count("SELECT count(*) FROM audit_text WHERE audit_text MATCH 'login' AND rowid NOT IN (SELECT seq FROM audit_events)")).toBe(0);
    expect(pruneCache(db, { ...noBudget, auditMaxAgeDays: 90 }).auditDeleted).toBe(0);
  });

  it('deletes the share of oldest audit events that is over the byte budget', () => {
    fill(6000);
    const used = usedBytes(db);
    const result = pruneCache(db, { ...noBudget, maxBytes: used * 0.75 });
    expect(result.auditDeletedForSize).toBe(1500);
    expect(result.bytesAfter).toBeLessThan(used);
    const left = count('SELECT count(*) FROM audit_events');
    expect(left).toBe(4500);
    expect(count('SELECT min(seq) FROM audit_events')).toBe(1501);
    expect(count('SELECT max(seq) FROM audit_events')).toBe(6000);
    expect(count('SELECT count(*) FROM audit_text')).toBe(left);
  });

  it('folds queue samples into 1-minute and 1-hour means as they age, and drops them after 90 days', () => {
    const now = Date.parse('2026-11-23T12:00:00.000Z');
    const point = (at: number, waiting: number, oldest: number | null) =>
      liveSample({
        name: 'emails',
        paused: false,
        workers: 2,
        counts: { waiting, active: 1, delayed: 0, failed: 0, completed: 0, prioritized: 0 },
        throughput_per_min: waiting * 2,
        failed_per_min: 0,
        oldest_waiting_age_ms: oldest,
        processing_ms_p50: null,
        processing_ms_p95: null,
        sampled_at: new Date(at).toISOString(),
      } satisfies Queue);
    const minuteAgo2d = now - 2 * day - ((now - 2 * day) % 60_000);
    const hourAgo10d = now - 10 * day - ((now - 10 * day) % 3_600_000);
    const samples = [
      // six 10 s points in one minute two days ago: waiting 1..6, one without an oldest age
      ...[1, 2, 3, 4, 5, 6].map((waiting, index) => point(minuteAgo2d + index * 10_000, waiting, index === 0 ? null : 1000 * waiting)),
      // 10 s points across an hour ten days ago, all waiting 10 except one minute at 70
      ...Array.from({ length: 360 }, (_, index) => point(hourAgo10d + index * 10_000, index < 6 ? 70 : 10, null)),
      point(now - 91 * day, 5, null),
      point(now - 60_000, 9, null),
    ];
    writeSynced(db, { resource: 'queues', cursor: null, at: now }, [rowsOf(queueSamplesTable, samples)]);

    const result = pruneCache(db, { ...noBudget, now });
    const rows = db.prepare('SELECT at, resolution_s, waiting, completed_per_min, oldest_waiting_age_ms FROM queue_samples ORDER BY at').all();
    expect(rows).toEqual([
      { at: hourAgo10d, resolution_s: 3600, waiting: 11, completed_per_min: 22, oldest_waiting_age_ms: null },
      { at: minuteAgo2d, resolution_s: 60, waiting: 3.5, completed_per_min: 7, oldest_waiting_age_ms: 4000 },
      { at: now - 60_000, resolution_s: 10, waiting: 9, completed_per_min: 18, oldest_waiting_age_ms: null },
    ]);
    // raw into minutes: 6 + 360 + 1 (the 91-day-old point), minutes into hours: 60 + 1; that last hour is dropped
    expect(result.queueSamples).toEqual({ folded: 6 + 360 + 1 + 60 + 1, dropped: 1 });
  });
});
