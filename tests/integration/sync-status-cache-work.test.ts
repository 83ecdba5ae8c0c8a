// Work on the cache before the first sync (migration 005 on an older cache) shows in the sync
// status the header reads, through the real sync worker and controller.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import type { SyncStatus } from '../../shared/console-api/index.ts';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { cacheDbPath } from '../../electron/services/cache/cache-paths.ts';
import { cacheMigrations } from '../../electron/services/cache/migrations/index.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { createEventBus } from '../../electron/services/event-bus.ts';
import { createSyncController } from '../../electron/services/sync/sync-controller.ts';
import { sourceWorkerPaths } from '../../electron/services/workers/start-worker.ts';
import { inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';

let platform: TestPlatform;
let dir: ReturnType<typeof makeDataDir>;
beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 6, events: 3_000 });
  dir = makeDataDir();
});
afterAll(async () => {
  await platform.stop();
  dir.remove();
});

it('the copy of migration 005 on an older cache reports in the audit entry of the sync status, which then syncs as usual', async () => {
  const events = 8_000;
  const older = openCacheDb(cacheDbPath(dir.path, 'older'), { log: () => {}, migrations: cacheMigrations.slice(0, 4) }).db;
  for (const page of inPages(receivedAuditEvents({ count: events }), 1_000)) appendAuditPage(older, page);
  older.close();

  const bus = createEventBus();
  const statuses: SyncStatus[] = [];
  bus.subscribe((event, payload) => event === 'sync/changed' && statuses.push(payload as SyncStatus));
  const sync = createSyncController({
    dataDir: dir.path,
    events: bus,
    workers: sourceWorkerPaths,
    connectionFor: async () => ({ kind: 'ops-api', baseUrl: platform.url, token: platform.tokens.full, timeoutMs: 10_000, proxyUrl: null, caFile: null }),
    clock: systemClock,
  });
  try {
    sync.start('older');
    await expect.poll(() => statuses.at(-1)?.resources.find((entry) => entry.resource === 'audit')?.lastSuccessAt ?? null, { timeout: 60_000, interval: 100 }).not.toBeNull();
  } finally {
    await sync.close();
  }

  const upgrading = statuses.map((status) => status.resources.find((entry) => entry.resource === 'audit')!).filter((audit) => audit.detail?.startsWith('Upgrading the cache'));
  expect(upgrading.length).toBeGreaterThan(5);
  expect(upgrading[0]).toMatchObject({ progress: 0, detail: `Upgrading the cache (migration 005-audit-id-index): 0 of 8,000 rows of audit_events copied` });
  expect(upgrading.at(-1)).toMatchObject({ progress: 1, detail: `Upgrading the cache (migration 005-audit-id-index): 8,000 of 8,000 rows of audit_events copied` });
  expect(upgrading.some((audit) => audit.progress! > 0 && audit.progress! < 1)).toBe(true);
  // While it runs the platform has not been reached: the header does not call the cache fresh.
  const whileUpgrading = statuses.filter((status) => status.resources.some((entry) => entry.detail?.startsWith('Upgrading the cache')));
  expect(whileUpgrading.every((status) => status.connection === 'connecting' && status.lastSyncedAt === null)).toBe(true);
  // Once done, the entry is cleared for the sync's own progress.
  const after = statuses.slice(statuses.indexOf(whileUpgrading.at(-1)!) + 1)[0]!;
  expect(after.resources.find((entry) => entry.resource === 'audit')).toMatchObject({ progress: null, detail: null });
}, 120_000);
