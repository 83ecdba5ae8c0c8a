import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyExportFile } from '../../electron/services/audit/verify-export-file.ts';
import { exportAudit } from '../../electron/services/audit-export/export-audit.ts';
import { createAuditSearch } from '../../electron/services/audit-search/audit-search.ts';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

const events = 25_000;
let cache: ReturnType<typeof makeCacheDb>;
let out: ReturnType<typeof makeDataDir>;

beforeAll(() => {
  cache = makeCacheDb();
  for (const page of inPages(receivedAuditEvents({ count: events }), 5_000)) appendAuditPage(cache.db, page);
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
