import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyExportFile } from '../../electron/services/audit/verify-export-file.ts';
import { exportAudit } from '../../electron/services/audit-export/export-audit.ts';
import { createAuditSearch } from '../../electron/services/audit-search/audit-search.ts';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { indexAuditText } from '../../electron/services/cache/index-audit-text.ts';
import { inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

const events = 25_000;
let cache: ReturnType<typeof makeCacheDb>;
let out: ReturnType<typeof makeDataDir>;

beforeAll(() => {
  cache = makeCacheDb();
  for (const page of inPages(receivedAuditEvents({ count: events }), 5_000)) appendAuditPage(cache.db, page);
  indexAuditText(cache.db, { batchSize: 10_000 });
  out = makeDataDir('opsdeck-export-');
});
afterAll(() => {
  cache.remove();
  out.remove();
});

const request = (name: string) => ({
  search: createAuditSearch(cache.db),
  q: '',
  format: 'ndjson' as const,
  gzip: false,
  out: join(out.path, name),
  source: { platform: 'test', environment: 'cache' },
});

it('reports progress every 10,000 events and at the end, and writes what verifies against its manifest', async () => {
  const progress: number[] = [];
  const result = await exportAudit({ ...request('all.ndjson'), onProgress: (written) => progress.push(written) });
  expect(progress).toEqual([10_000, 20_000, events]);
  expect(readFileSync(result.out, 'utf8').split('\n')).toHaveLength(events + 1);
  expect(await verifyExportFile(result.out)).toMatchObject({ intact: true, events, completeness: { status: 'proven' } });
});

it('stops when aborted, leaving neither the file nor its temporary', async () => {
  const controller = new AbortController();
  const exporting = exportAudit({ ...request('aborted.ndjson'), signal: controller.signal, onProgress: () => controller.abort() });
  await expect(exporting).rejects.toThrow(/abort/i);
  expect(existsSync(join(out.path, 'aborted.ndjson'))).toBe(false);
  expect(readdirSync(out.path).filter((name) => name.startsWith('aborted'))).toEqual([]);
});

// NDJSON reads chunks the database joins, seq after seq (free text: event by event); a JSON array
// reads the events one by one: both must write exactly the query's events, in seq order.
it.each(['outcome:denied', '-outcome:success', 'action:invoice.*', 'login', 'outcome:failure login'])('exports exactly the events of %s, oldest first, as NDJSON and as a JSON array', async (q) => {
  const expected = [...createAuditSearch(cache.db).matchingRaw(q)];
  expect(expected.length).toBeGreaterThan(0);

  const ndjson = await exportAudit({ ...request('query.ndjson'), q });
  expect(ndjson.count).toBe(expected.length);
  expect(readFileSync(ndjson.out, 'utf8')).toBe(expected.map((raw) => `${raw}\n`).join(''));
  const json = await exportAudit({ ...request('query.json'), q, format: 'json' });
  expect(readFileSync(json.out, 'utf8')).toBe(`[\n${expected.join(',\n')}\n]\n`);
});

it('writes an empty JSON array and an empty NDJSON file when nothing matches', async () => {
  const q = 'action:no.such.action';
  expect(readFileSync((await exportAudit({ ...request('none.ndjson'), q })).out, 'utf8')).toBe('');
  expect(readFileSync((await exportAudit({ ...request('none.json'), q, format: 'json' })).out, 'utf8')).toBe('[]\n');
});
