// What reporting migration 005's progress costs (issue 13): the copy of audit_events run as the
// migration runner runs it, counting rows with a temporary trigger, as a ratio to the same SQL
// run whole without it, on copies of one cache left at migration 004. `npm run bench migration`
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import type { Migration } from '../../electron/services/cache/migrate.ts';
import { cacheMigrations } from '../../electron/services/cache/migrations/index.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import type { AuditEvent } from '../../shared/ops-api/index.ts';
import { generateChain } from '../fixtures/audit-chain.ts';
import { inPages } from '../fixtures/audit-events-for-cache.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import type { BenchResult, BenchSuite } from './bench.ts';

const events = 200_000;
const rounds = 3;

/** Opens a fresh copy of the older cache with `migrations`; the time of the open (migrations 005 on), in ms. */
function upgrade(older: string, path: string, migrations: readonly Migration[]): number {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  copyFileSync(older, path);
  const started = performance.now();
  const { db } = openCacheDb(path, { log: console.warn, migrations, migrating: { onProgress: () => {} } });
  const ms = performance.now() - started;
  db.close();
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const suite: BenchSuite = {
  name: 'migration-progress',
  async run(): Promise<BenchResult[]> {
    const dir = makeDataDir('opsdeck-bench-migration-');
    try {
      const older = join(dir.path, 'older.sqlite');
      const { db } = openCacheDb(older, { log: console.warn, migrations: cacheMigrations.slice(0, 4) });
      const received = (function* () {
        for (const event of generateChain(events)) yield { raw: JSON.stringify(event), event: event as unknown as AuditEvent };
      })();
      for (const page of inPages(received, 10_000)) appendAuditPage(db, page);
      db.close();

      const silent = cacheMigrations.map(({ copies: _copies, ...migration }) => migration);
      const withProgress: number[] = [];
      const without: number[] = [];
      const path = join(dir.path, 'upgrading.sqlite');
      // Alternating which goes first, so neither always finds the file's pages cached.
      for (let round = 0; round < rounds * 2; round++) {
        if (round % 2 === 0) without.push(upgrade(older, path, silent));
        withProgress.push(upgrade(older, path, cacheMigrations));
        if (round % 2 === 1) without.push(upgrade(older, path, silent));
      }
      return [
        {
          name: `migration 005 of ${events.toLocaleString('en-US')} events with progress`,
          value: median(withProgress),
          unit: 'ms',
          baseline: median(without),
          target: '<= 1.3',
          note: 'baseline: the same SQL run whole, without the progress trigger',
        },
      ];
    } finally {
      dir.remove();
    }
  },
};
