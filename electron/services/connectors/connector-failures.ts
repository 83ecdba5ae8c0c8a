import type { Database } from 'better-sqlite3';
import type { ConnectorFailuresByDay } from '../../../shared/console-api/index.ts';

const dayMs = 86_400_000;

/**
 * Failed runs per UTC day per connector over the `days` up to `now`, or from the day of the oldest
 * cached run if that is later (days before the history would read as days without failures);
 * connectors without a failure left out, most failures first.
 */
export function connectorFailuresByDay(db: Database, maxDays: number, now: number): ConnectorFailuresByDay {
  const lastDay = Math.floor(now / dayMs);
  const oldestRun = db.prepare('SELECT min(started_at) FROM connection_runs').pluck().get() as number | null;
  const firstDay = Math.max(lastDay - maxDays + 1, oldestRun === null ? -Infinity : Math.min(lastDay, Math.floor(oldestRun / dayMs)));
  const days = lastDay - firstDay + 1;
  const rows = db
    .prepare(
      `SELECT c.connector_id AS id, coalesce(k.name, c.connector_id) AS name, r.started_at / ${dayMs} AS day, count(*) AS failures
         FROM connection_runs r
         JOIN connections c ON c.id = r.connection_id
         LEFT JOIN connectors k ON k.id = c.connector_id
        WHERE r.status = 'failed' AND r.started_at >= ? AND r.started_at < ?
        GROUP BY c.connector_id, day`,
    )
    .all(firstDay * dayMs, (lastDay + 1) * dayMs) as Array<{ id: string; name: string; day: number; failures: number }>;
  const connectors = new Map<string, { id: string; name: string; failures: number[] }>();
  for (const row of rows) {
    let line = connectors.get(row.id);
    if (line === undefined) connectors.set(row.id, (line = { id: row.id, name: row.name, failures: new Array<number>(days).fill(0) }));
    line.failures[row.day - firstDay] = row.failures;
  }
  const total = (line: { failures: number[] }) => line.failures.reduce((sum, n) => sum + n, 0);
  return {
    days: Array.from({ length: days }, (_, index) => new Date((firstDay + index) * dayMs).toISOString().slice(0, 10)),
    connectors: [...connectors.values()].sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name)),
  };
}
