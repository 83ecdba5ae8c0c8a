import type { ConnectionRow } from '../../../shared/console-api/index.ts';
import { routeHref } from '../app/route.ts';

/** The connection drawer, which other views link to. */
export const connectionHref = (id: string) => routeHref('connectors', ['connection', id]);

/** The connection list, filtered to a connector and a status (a matrix cell), or to either. */
export const connectionsHref = (filter: { connector?: string | undefined; status?: ConnectionRow['status'] | undefined }) =>
  routeHref('connectors', [], Object.fromEntries(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined)));

/** The audit events whose target is this connection (e.g. connector.connected, connector.disconnected). */
export const connectionAuditHref = (id: string) => routeHref('audit', [], { q: `target:${id}` });
