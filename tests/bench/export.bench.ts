// Export throughput from a 1,000,000-event cache database: NDJSON with its manifest (the
// target), NDJSON gzip-compressed and CSV (informational). `npm run bench export`
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportAudit } from '../../electron/services/audit-export/export-audit.ts';
import type { ExportFormat } from '../../shared/console-api/index.ts';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { openAuditReader } from '../../electron/services/audit-search/open-audit-reader.ts';
import { inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { againstBaseline } from './baseline.ts';
import type { BenchResult, BenchSuite } from './bench.ts';

const events = Number(process.env.OPSDECK_BENCH_EXPORT_EVENTS ?? 1_000_000);
// Building the database takes a while: it is made once and kept between bench runs.
const cacheDir = join(tmpdir(), 'opsdeck-bench-export');

export const suite: BenchSuite = {
  name: 'export',
  async run() {
    const dbPath = cachedDatabase();
    const reader = openAuditReader(dbPath)!;
    const out = makeDataDir('opsdeck-bench-export-out-');
    try {
      const run = async (format: ExportFormat, gzip: boolean, file = join(out.path, `audit.${format}${gzip ? '.gz' : ''}`)) => {
        const started = performance.now();
        const { count } = await exportAudit({ search: reader.search, q: '', format, gzip, out: file, source: { platform: 'bench', environment: 'cache' } });
        const seconds = (performance.now() - started) / 1000;
        if (count !== events) throw new Error(`export bench: exported ${count} of ${events} events`);
        const mib = statSync(file).size / 2 ** 20;
        return { value: Math.round(count / seconds), note: `${count.toLocaleString('en-US')} events, ${mib.toFixed(0)} MiB in ${seconds.toFixed(1)} s` };
      };
      // The baseline reads the NDJSON as the export writes it; writing it once also warms the database's pages.
      const sample = join(out.path, 'sample.ndjson');
      await run('ndjson', false, sample);
      const { result, baseline } = await againstBaseline({ file: sample, events }, async () => [await run('ndjson', false), await run('ndjson', true), await run('csv', false)]);
      const [ndjson, gzipped, csv] = result.map(({ value, note }) => ({ value, note, baseline }));
      return [
        { name: 'export NDJSON', unit: 'events/s', target: '>= 1.5', ...ndjson! },
        { name: 'export NDJSON + gzip', unit: 'events/s', ...gzipped! },
        { name: 'export CSV', unit: 'events/s', ...csv! },
      ] satisfies BenchResult[];
    } finally {
      reader.close();
      out.remove();
    }
  },
};

/** The bench's cache database under the temp dir, built on first use under a temporary name. */
function cachedDatabase(): string {
  const path = join(cacheDir, `cache-${events}.sqlite`);
  if (existsSync(path)) return path;
  console.log(`building a cache database of ${events.toLocaleString('en-US')} audit events (once) ...`);
  mkdirSync(cacheDir, { recursive: true });
  const building = `${path}.building`;
  rmSync(building, { force: true });
  const { db } = openCacheDb(building, { log: console.warn });
  for (const page of inPages(receivedAuditEvents({ count: events }), 20_000)) appendAuditPage(db, page);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(building, path);
  return path;
}
