import type { Connection, ConnectionRun, Connector } from '../../shared/ops-api/index.ts';
import { connectionStatus } from '../../shared/ops-api/index.ts';
import { notFound } from '../http/problem.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { SqlFilters } from '../sql-filters.ts';
import type { Handlers, PlatformContext } from './handler.ts';

type ConnectionRow = Omit<Connection, 'last_error'> & { rowid: number; last_error: string | null };
type RunRow = ConnectionRun & { rowid: number };

export function connectorHandlers(platform: PlatformContext): Pick<Handlers, 'listConnectors' | 'listConnections' | 'listConnectionRuns' | 'testConnection'> {
  const { db } = platform;
  const connectionById = (id: string): ConnectionRow => {
    const row = db.prepare('SELECT rowid, * FROM connections WHERE id = ?').get(id) as ConnectionRow | undefined;
    if (row === undefined) throw notFound(`No connection with id '${id}'.`);
    return row;
  };

  return {
    listConnectors: () => {
      const connectors = db.prepare('SELECT id, name, category FROM connectors ORDER BY name').all() as Array<Omit<Connector, 'connections'>>;
      const counts = db.prepare('SELECT connector_id, status, count(*) AS n FROM connections GROUP BY connector_id, status').all() as Array<{ connector_id: string; status: string; n: number }>;
      return {
        data: connectors.map((connector) => {
          const connections = { total: 0, ...Object.fromEntries(connectionStatus.options.map((status) => [status, 0])) } as Connector['connections'];
          for (const row of counts.filter((count) => count.connector_id === connector.id)) {
            connections[row.status as keyof Connector['connections']] += row.n;
            connections.total += row.n;
          }
          return { ...connector, connections };
        }),
      };
    },
    listConnections: ({ query }) => {
      const filters = new SqlFilters()
        .add('rowid > ?', decodeCursor('connections', query.cursor, 1)?.[0])
        .add('connector_id = ?', query.connector_id)
        .add('tenant_id = ?', query.tenant_id)
        .add('status = ?', query.status);
      const rows = db.prepare(`SELECT rowid, * FROM connections ${filters} ORDER BY rowid LIMIT ?`).all(...filters.args, query.limit + 1) as ConnectionRow[];
      return toPage('connections', rows, query.limit, toConnection, (row) => [row.rowid]);
    },
    listConnectionRuns: ({ params, query }) => {
      const connection = connectionById(params.id!);
      const filters = new SqlFilters().add('connection_id = ?', connection.id).add('rowid < ?', decodeCursor('connection-runs', query.cursor, 1)?.[0]);
      const rows = db
        .prepare(`SELECT rowid, id, started_at, finished_at, status, records, duration_ms, error FROM connection_runs ${filters} ORDER BY rowid DESC LIMIT ?`)
        .all(...filters.args, query.limit + 1) as RunRow[];
      return toPage('connection-runs', rows, query.limit, ({ rowid: _rowid, ...run }) => run, (row) => [row.rowid]);
    },
    testConnection: ({ params }) => {
      const connection = toConnection(connectionById(params.id!));
      const failed = connection.status === 'failing' || connection.status === 'disconnected';
      const latency = Math.round(connection.latency_ms_p95 ?? 400) % 2_000 + 40;
      return { ok: !failed, latency_ms: latency, error: failed ? (connection.last_error?.message ?? 'The connection is not authorized; the tenant must reconnect.') : null };
    },
  };
}

function toConnection({ rowid: _rowid, last_error, ...row }: ConnectionRow): Connection {
  return { ...row, last_error: last_error === null ? null : (JSON.parse(last_error) as Connection['last_error']) };
}
