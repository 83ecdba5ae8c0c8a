import { z } from 'zod';
import type { ConnectionRow, ConnectionRunRow, ConnectorFailuresByDay, ConnectorHealth } from '../../../shared/console-api/index.ts';
import { connectorsMethods } from '../../../shared/console-api/index.ts';
import { queryModule } from '../reader/query-module.ts';
import { method } from '../workers/rpc/protocol.ts';
import { connectionRows, connectionWithRuns } from './connection-rows.ts';
import { connectorFailuresByDay } from './connector-failures.ts';
import { connectorMatrix } from './connector-matrix.ts';

/** The main side's time: late, stale and the chart's last day are decided by its clock, not the reader thread's. */
const at = z.object({ now: z.number().int() });

/** The connectors view's reads of cached data, answered on a source's reader thread. */
export const connectorsQueries = queryModule(
  {
    'connectors.matrix': method<ConnectorHealth[]>()(z.object({})),
    'connectors.failuresByDay': method<ConnectorFailuresByDay>()(connectorsMethods['connectors/failures-by-day'].input.extend(at.shape)),
    'connectors.connections': method<{ connections: ConnectionRow[]; total: number }>()(connectorsMethods['connectors/connections'].input.extend(at.shape)),
    'connectors.connection': method<{ connection: ConnectionRow; runs: ConnectionRunRow[] }>()(connectorsMethods['connectors/connection'].input.extend(at.shape)),
  },
  (db) => ({
    'connectors.matrix': () => connectorMatrix(db),
    'connectors.failuresByDay': ({ days, now }) => connectorFailuresByDay(db, days, now),
    'connectors.connections': ({ now, ...filter }) => connectionRows(db, filter, now),
    'connectors.connection': ({ id, now }) => connectionWithRuns(db, id, now),
  }),
);
