import { randomBytes } from 'node:crypto';
import { genesisPrevHash } from '../../shared/audit/event-hash.ts';
import type { AuditSearchQuery } from '../../shared/ops-api/index.ts';
import { invalidParameters, notFound } from '../http/problem.ts';
import { decodeCursor, encodeCursor } from '../pagination.ts';
import { escapeLike, SqlFilters } from '../sql-filters.ts';
import type { Handlers, PlatformContext } from './handler.ts';
import { RawJson } from './handler.ts';

export function auditHandlers(platform: PlatformContext): Pick<
  Handlers,
  'listAuditEvents' | 'getAuditHead' | 'searchAuditEvents' | 'getAuditEvent' | 'listAuditKeys' | 'createSupportAccess'
> {
  const { db } = platform;
  // One blob of the page's events, comma-separated: a ~700 KB page as one buffer costs a third
  // of a buffer per event joined afterwards, and is never decoded and re-encoded as a string.
  const feed = db.prepare("SELECT max(seq) AS last, CAST(group_concat(body, ',' ORDER BY seq) AS BLOB) AS bodies FROM (SELECT seq, body FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?)");
  const after = db.prepare('SELECT EXISTS (SELECT 1 FROM audit_events WHERE seq > ?)').pluck();
  const head = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const byId = db.prepare('SELECT body FROM audit_events WHERE id = ?').pluck();
  const tenantName = db.prepare('SELECT name FROM tenants WHERE id = ?').pluck();

  return {
    listAuditEvents: ({ query }) => {
      const { last, bodies } = feed.get(query.after_seq, query.limit) as { last: number | null; bodies: Buffer | null };
      const more = last !== null && after.get(last) === 1;
      return new RawJson(Buffer.concat([Buffer.from('{"data":['), bodies ?? Buffer.alloc(0), Buffer.from(`],"has_more":${more}}`)]));
    },
    getAuditHead: () => (head.get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: genesisPrevHash },
    searchAuditEvents: ({ query }) => search(platform, query),
    getAuditEvent: ({ params }) => {
      const body = byId.get(params.id) as string | undefined;
      if (body === undefined) throw notFound(`No audit event with id '${params.id}'.`);
      return new RawJson(body);
    },
    listAuditKeys: () => ({ data: db.prepare("SELECT key_id, 'ed25519' AS alg, public_key_pem FROM audit_keys ORDER BY created_at").all() }),
    createSupportAccess: ({ body, principal, request }) => {
      const name = tenantName.get(body.tenant_id) as string | undefined;
      if (name === undefined) throw invalidParameters(`tenant_id: no tenant '${body.tenant_id}'.`);
      const [event] = platform.ledger.append([
        {
          id: `evt_${randomBytes(15).toString('base64url')}`,
          occurred_at: new Date(platform.now()).toISOString(),
          tenant_id: body.tenant_id,
          actor: { type: 'support', id: principal.subject.id, email: principal.subject.email, name: principal.subject.name },
          action: 'support.access',
          target: { type: 'tenant', id: body.tenant_id, name },
          outcome: 'success',
          ip: request.ip,
          user_agent: request.userAgent,
          request_id: request.requestId,
          changes: null,
          metadata: { reason: body.reason },
        },
      ]);
      return { event };
    },
  };
}

/** Newest first; the cursor is the seq of the last event served. */
function search(platform: PlatformContext, query: AuditSearchQuery): RawJson {
  const prefix = query.action?.endsWith('.') ? query.action : undefined;
  const filters = new SqlFilters()
    .add('seq < ?', decodeCursor('audit-events/search', query.cursor, 1)?.[0])
    .add('tenant_id = ?', query.tenant_id)
    .add(query.actor?.includes('@') ? 'actor_email = ?' : 'actor_id = ?', query.actor)
    .add("action LIKE ? ESCAPE '\\'", prefix && `${escapeLike(prefix)}%`)
    .add('action = ?', prefix ? undefined : query.action)
    .add('outcome = ?', query.outcome)
    .add('occurred_at >= ?', query.from)
    .add('occurred_at < ?', query.to)
    .add("body LIKE ? ESCAPE '\\'", query.q && `%${escapeLike(query.q)}%`);
  const sql = `SELECT seq, body FROM audit_events ${filters} ORDER BY seq DESC LIMIT ?`;
  const rows = platform.db.prepare(sql).all(...filters.args, query.limit + 1) as Array<{ seq: number; body: string }>;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next = rows.length > query.limit && last ? JSON.stringify(encodeCursor('audit-events/search', [last.seq])) : 'null';
  return new RawJson(`{"data":[${page.map((row) => row.body).join(',')}],"next_cursor":${next}}`);
}
