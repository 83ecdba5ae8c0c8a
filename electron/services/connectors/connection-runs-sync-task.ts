import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/clock.ts';
import type { ConnectionRun } from '../../../shared/ops-api/index.ts';
import { connectionRunsTable } from '../cache/cache-tables.ts';
import { rowsOf, writeSynced } from '../cache/synced-rows.ts';
import type { RowsWrite } from '../cache/synced-rows.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { OpsApiError } from '../ops-api/ops-api-error.ts';
import { FetchSlots } from '../sync/fetch-slots.ts';
import type { SyncSchedule } from '../sync/sync-schedule.ts';
import type { SyncTask } from '../sync/sync-task.ts';

/** How much run history is kept: the chart's reach, and a cap for connections that sync every few minutes. */
export const runHistory = { days: 30, perConnection: 100 };
/** Requests in flight at once: hundreds of connections are asked a few at a time. */
const parallelFetches = 4;
const dayMs = 86_400_000;

interface Due {
  id: string;
  /** The newest run cached for it: paging stops there, as everything older is cached already. */
  newestRunId: string | null;
}

/**
 * The sync runs of each cached connection (GET /v1/connections/{id}/runs), kept for a bounded
 * history. Only connections that ran since their newest cached run are asked (the connections
 * list says when each last synced), so a refresh costs a request per connection that actually
 * synced since, not one per connection. Runs older than the history, beyond the cap, or of
 * connections the platform no longer lists are pruned in the same transaction.
 */
export function connectionRunsSyncTask(db: Database, client: OpsApiClient, schedule: SyncSchedule, clock: Clock): SyncTask {
  return {
    resource: 'connection-runs',
    scope: 'connectors:read',
    everyMs: schedule.directoryMs,
    async run() {
      const now = clock();
      const since = now - runHistory.days * dayMs;
      const slots = new FetchSlots(parallelFetches);
      const due = dueConnections(db, since);
      const fetched = await Promise.all(due.map((connection) => slots.run(() => recentRuns(client, connection, since))));
      const runs = fetched.flatMap((batch, index) => batch.map((run) => ({ connectionId: due[index]!.id, run })));
      const prune = pruneRuns(since);
      writeSynced(db, { resource: 'connection-runs', cursor: null, at: now }, [rowsOf(connectionRunsTable, runs), prune]);
      return runs.length > 0 || prune.deleted() > 0;
    },
  };
}

/** Connections that synced within the history after their newest cached run started, or whose newest run was still running. */
function dueConnections(db: Database, since: number): Due[] {
  return db
    .prepare(
      `SELECT c.id, newest.id AS newestRunId
         FROM connections c
         LEFT JOIN connection_runs newest ON newest.id = (
           SELECT r.id FROM connection_runs r WHERE r.connection_id = c.id ORDER BY r.started_at DESC LIMIT 1)
        WHERE c.last_sync_at >= ?
          AND (newest.id IS NULL OR newest.started_at < c.last_sync_at OR newest.status = 'running')
        ORDER BY c.id`,
    )
    .all(since) as Due[];
}

/** A connection's runs newest first, back to `since`, the cap, or its newest cached run. */
async function recentRuns(client: OpsApiClient, { id, newestRunId }: Due, since: number): Promise<ConnectionRun[]> {
  const runs: ConnectionRun[] = [];
  let cursor: string | undefined;
  try {
    do {
      const page = await client.call('listConnectionRuns', { path: { id }, query: { limit: runHistory.perConnection, ...(cursor === undefined ? {} : { cursor }) } });
      for (const run of page.data) {
        if (Date.parse(run.started_at) < since || runs.length === runHistory.perConnection) return runs;
        runs.push(run);
        if (run.id === newestRunId) return runs;
      }
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);
  } catch (error) {
    // Removed since the connections list was fetched: the next list drops it, the prune its runs.
    if (error instanceof OpsApiError && error.kind === 'not-found') return [];
    throw error;
  }
  return runs;
}

function pruneRuns(since: number): RowsWrite & { deleted(): number } {
  let deleted = 0;
  return {
    write(db) {
      deleted += db.prepare('DELETE FROM connection_runs WHERE started_at < ? OR connection_id NOT IN (SELECT id FROM connections)').run(since).changes;
      deleted += db
        .prepare(
          `DELETE FROM connection_runs WHERE id IN (
             SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY connection_id ORDER BY started_at DESC) AS newest FROM connection_runs) WHERE newest > ?)`,
        )
        .run(runHistory.perConnection).changes;
    },
    deleted: () => deleted,
  };
}
