import { expect, it } from 'vitest';
import { deferIndexes, restoreDeferredIndexes } from '../../electron/services/cache/deferred-indexes.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
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
