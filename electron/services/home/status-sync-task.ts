import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/clock.ts';
import type { PlatformStatus } from '../../../shared/ops-api/index.ts';
import { rowsOf, staleRowsOf, writeSynced } from '../cache/synced-rows.ts';
import type { CacheTable } from '../cache/synced-rows.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import type { SyncSchedule } from '../sync/sync-schedule.ts';
import type { SyncTask } from '../sync/sync-task.ts';

type StatusRow = { component: string; status: PlatformStatus['status']; latency_ms: number | null; checked_at: string | null };

/** The platform as a whole is the row with component ''. */
export const overallComponent = '';

export const platformStatusTable: CacheTable<StatusRow> = {
  name: 'platform_status',
  columns: ['component', 'status', 'latency_ms', 'checked_at', 'synced_at'],
  replace: true,
  row: (row, syncedAt) => ({ ...row, checked_at: row.checked_at === null ? null : Date.parse(row.checked_at), synced_at: syncedAt }),
};

/** GET /v1/status, which needs no token, kept as the latest snapshot for Home. */
export function statusSyncTask(db: Database, client: OpsApiClient, schedule: SyncSchedule, clock: Clock): SyncTask {
  return {
    resource: 'status',
    scope: null,
    everyMs: schedule.statusMs,
    async run() {
      const status = await client.call('getStatus');
      const rows: StatusRow[] = [
        { component: overallComponent, status: status.status, latency_ms: null, checked_at: null },
        ...status.components.map((component) => ({ component: component.name, status: component.status, latency_ms: component.latency_ms, checked_at: component.checked_at })),
      ];
      writeSynced(db, { resource: 'status', cursor: null, at: clock() }, [rowsOf(platformStatusTable, rows), staleRowsOf(platformStatusTable)]);
      return true;
    },
  };
}
