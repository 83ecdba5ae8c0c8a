import type { Database } from 'better-sqlite3';
import { statusesWorstFirst } from '../../../shared/console-api/index.ts';
import type { ConnectorHealth } from '../../../shared/console-api/index.ts';

type CountRow = { connector_id: string; status: string; n: number };

/** Every cached connector with its cached connections counted by status; worst first (most failing, then disconnected, degraded…). */
export function connectorMatrix(db: Database): ConnectorHealth[] {
  const connectors = db.prepare('SELECT id, name, category FROM connectors').all() as Array<Pick<ConnectorHealth, 'id' | 'name' | 'category'>>;
  const counts = db.prepare('SELECT connector_id, status, count(*) AS n FROM connections GROUP BY connector_id, status').all() as CountRow[];
  return connectors
    .map((connector) => {
      const mine = counts.filter((row) => row.connector_id === connector.id);
      const byStatus = Object.fromEntries(statusesWorstFirst.map((status) => [status, mine.find((row) => row.status === status)?.n ?? 0])) as ConnectorHealth['counts'];
      return { ...connector, counts: byStatus, total: mine.reduce((sum, row) => sum + row.n, 0) };
    })
    .sort(worstFirst);
}

function worstFirst(a: ConnectorHealth, b: ConnectorHealth): number {
  for (const status of statusesWorstFirst.slice(0, -1)) {
    const difference = b.counts[status] - a.counts[status];
    if (difference !== 0) return difference;
  }
  return a.name.localeCompare(b.name);
}
