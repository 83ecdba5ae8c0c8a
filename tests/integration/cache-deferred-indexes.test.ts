import { expect, it } from 'vitest';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { deferIndexes, restoreDeferredIndexes } from '../../electron/services/cache/deferred-indexes.ts';
import { indexAuditText } from '../../electron/services/cache/index-audit-text.ts';
import { ftsIndexedUpto } from '../../electron/services/cache/sync-state.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { restoreAuditIndexes } from '../../electron/services/cache/restore-audit-indexes.ts';
import { readSyncState } from '../../electron/services/cache/sync-state.ts';
import { receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';

it('indexes deferred for a bulk load come back exactly as they were, also after the process died in between', () => {
  const cache = makeCacheDb();
  const indexSql = (db = cache.db) =>
    db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_events' AND sql IS NOT NULL ORDER BY name").all();
  const before = indexSql();
  expect(before.length).toBeGreaterThanOrEqual(9);

  deferIndexes(cache.db, 'audit_events');
  expect(indexSql()).toEqual([]);
  cache.db.close(); // as if killed mid-load: only deferred_indexes remembers them

  const { db } = openCacheDb(cache.path, { log: () => {} });
  expect(db.prepare('SELECT count(*) FROM deferred_indexes').pluck().get()).toBe(before.length);
  expect(restoreDeferredIndexes(db)).toBe(before.length);
  expect(indexSql(db)).toEqual(before);
  expect(restoreDeferredIndexes(db)).toBe(0);
  db.close();
  cache.remove();
});

it('an id written twice while the indexes were deferred drops the events from its repeat on, their full text with them', () => {
  const cache = makeCacheDb();
  const events = [...receivedAuditEvents({ count: 60 })];
  appendAuditPage(cache.db, events.slice(0, 40));
  deferIndexes(cache.db, 'audit_events');
  const repeat = { ...events[40]!, event: { ...events[40]!.event, id: events[5]!.event.id } };
  appendAuditPage(cache.db, [repeat, ...events.slice(41)]);
  indexAuditText(cache.db, { batchSize: 100 }); // as a run while offline would

  expect(restoreAuditIndexes(cache.db)).toEqual({ seq: 41, id: events[5]!.event.id, firstSeq: 6 });
  expect(cache.db.prepare('SELECT count(*) AS count, max(seq) AS last FROM audit_events').get()).toEqual({ count: 40, last: 40 });
  expect(cache.db.prepare('SELECT max(rowid) FROM audit_text').pluck().get()).toBe(40);
  expect(ftsIndexedUpto(cache.db)).toBe(40);
  expect(readSyncState(cache.db).find((state) => state.resource === 'audit')?.cursor).toBe('40');
  expect(cache.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'audit_events_id'").pluck().get()).toBe(1);
  cache.remove();
});
