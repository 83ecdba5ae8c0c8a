import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { indexAuditText } from '../../electron/services/cache/index-audit-text.ts';
import { inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { hotQueries } from '../fixtures/audit-hot-queries.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';

// One statistics change can turn a 1 ms query into a 1.7 s one: pin the plans.
describe('query plans of the hot audit queries', () => {
  let cache: ReturnType<typeof makeCacheDb>;
  beforeAll(() => {
    cache = makeCacheDb();
    for (const page of inPages(receivedAuditEvents({ count: 20_000 }), 10_000)) appendAuditPage(cache.db, page);
    indexAuditText(cache.db, { batchSize: 10_000 });
  });
  afterAll(() => cache.remove());

  const plan = (sql: string, params: unknown[]) =>
    (cache.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join('\n');

  for (const analyzed of [false, true]) {
    it(`use their indexes and never scan the table${analyzed ? ', also after ANALYZE' : ''}`, () => {
      if (analyzed) cache.db.exec('ANALYZE');
      for (const query of hotQueries(cache.db)) {
        const detail = plan(query.sql, query.params);
        for (const index of query.uses) expect(detail, `${query.name}:\n${detail}`).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b|VIRTUAL TABLE INDEX|SCAN ${index} VIRTUAL`));
        if (query.uses.includes('audit_text')) expect(detail, `${query.name}:\n${detail}`).toMatch(/SCAN audit_text VIRTUAL TABLE INDEX/);
        expect(detail, `${query.name}:\n${detail}`).not.toMatch(/SCAN audit_events\b(?! USING)/);
        if (!query.sorts) expect(detail, `${query.name}:\n${detail}`).not.toContain('USE TEMP B-TREE FOR ORDER BY');
        expect(cache.db.prepare(query.sql).all(...query.params).length, query.name).toBeGreaterThan(0);
      }
    });
  }
});
