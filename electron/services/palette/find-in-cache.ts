import type { Database } from 'better-sqlite3';
import type { PaletteHit } from '../../../shared/console-api/index.ts';

const perKind = 5;

/** `text` as a LIKE pattern matching it anywhere, with LIKE's own wildcards escaped. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
/** [text, first string after every string that starts with text]: a prefix as an index range. */
const prefixRange = (text: string): [string, string] => [text, text + '\uffff'];

/**
 * What the command palette can open for `text`: tenants by id, name, slug or owner e-mail; queues and
 * connectors by name or id; connections by id or by connector and tenant name; audit events by id.
 * Exact ids come first within a kind.
 */
export function findInCache(db: Database, text: string): PaletteHit[] {
  const like = containing(text);
  const [from, to] = prefixRange(text);
  const tenants = db
    .prepare(
      `SELECT id, name, slug, plan_name FROM tenants
       WHERE id = @text OR name LIKE @like ESCAPE '\\' OR slug LIKE @like ESCAPE '\\' OR owner_email LIKE @like ESCAPE '\\'
       ORDER BY id = @text DESC, name LIMIT ${perKind}`,
    )
    .all({ text, like }) as Array<{ id: string; name: string; slug: string; plan_name: string }>;
  const queues = db.prepare(`SELECT name FROM queues WHERE name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ${perKind}`).pluck().all(like) as string[];
  const connectors = db
    .prepare(`SELECT id, name, category FROM connectors WHERE id = @text OR name LIKE @like ESCAPE '\\' ORDER BY id = @text DESC, name LIMIT ${perKind}`)
    .all({ text, like }) as Array<{ id: string; name: string; category: string }>;
  const connections = db
    .prepare(
      `SELECT c.id, coalesce(k.name, c.connector_id) AS connector, coalesce(t.name, c.tenant_id) AS tenant, c.status FROM connections c
       LEFT JOIN connectors k ON k.id = c.connector_id LEFT JOIN tenants t ON t.id = c.tenant_id
       WHERE (c.id >= @from AND c.id < @to) OR (coalesce(k.name, '') || ' ' || coalesce(t.name, '')) LIKE @like ESCAPE '\\'
       ORDER BY c.id = @text DESC, connector, tenant LIMIT ${perKind}`,
    )
    .all({ from, to, like, text }) as Array<{ id: string; connector: string; tenant: string; status: string }>;
  const events = db
    .prepare(`SELECT id, action, ts, coalesce(actor_email, actor_id) AS actor FROM audit_events WHERE id >= ? AND id < ? ORDER BY id LIMIT ${perKind}`)
    .all(from, to) as Array<{ id: string; action: string; ts: number; actor: string }>;
  return [
    ...tenants.map((tenant) => ({ kind: 'tenant' as const, id: tenant.id, label: tenant.name, detail: `${tenant.id} · ${tenant.slug} · ${tenant.plan_name}` })),
    ...queues.map((name) => ({ kind: 'queue' as const, id: name, label: name, detail: null })),
    ...connectors.map((connector) => ({ kind: 'connector' as const, id: connector.id, label: connector.name, detail: connector.category })),
    ...connections.map((connection) => ({ kind: 'connection' as const, id: connection.id, label: `${connection.connector} · ${connection.tenant}`, detail: `${connection.id} · ${connection.status}` })),
    ...events.map((event) => ({ kind: 'audit-event' as const, id: event.id, label: event.action, detail: `${event.id} · ${event.actor} · ${new Date(event.ts).toISOString()}` })),
  ];
}
