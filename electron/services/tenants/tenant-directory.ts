import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { TenantFilterChoices, TenantListRow, TenantSort, tenantDirectoryInput } from '../../../shared/console-api/index.ts';

export const listColumns = `id, name, slug, status, plan_id AS planId, plan_name AS planName, region, owner_email AS ownerEmail,
  seats_used AS seatsUsed, seats_limit AS seatsLimit, mrr_cents AS mrrCents, currency, created_at AS createdAt`;

const orderBy: Record<TenantSort, string> = { name: 'name COLLATE NOCASE', mrr: 'mrr_cents', seats: 'seats_used', created: 'created_at' };

export type ListRecord = Omit<TenantListRow, 'createdAt' | 'status'> & { status: TenantListRow['status']; createdAt: number };
export const toListRow = (record: ListRecord): TenantListRow => ({ ...record, createdAt: new Date(record.createdAt).toISOString() });

/** `text` as a LIKE pattern matching it anywhere, its own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** One page of the cached tenants matching the search and filters, in the chosen order, with how many match. */
export function tenantDirectory(db: Database, { q, plan, status, region, sort, order, offset, limit }: z.output<typeof tenantDirectoryInput>): { rows: TenantListRow[]; total: number } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  const text = q.trim();
  if (text !== '') {
    const pattern = containing(text);
    where.push(`(${['name', 'slug', 'id', 'owner_email'].map((column) => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(pattern, pattern, pattern, pattern);
  }
  for (const [column, value] of [['plan_id', plan], ['status', status], ['region', region]] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  const condition = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  const rows = db
    .prepare(`SELECT ${listColumns} FROM tenants ${condition} ORDER BY ${orderBy[sort]} ${direction}, id ${direction} LIMIT ${limit} OFFSET ${offset}`)
    .all(...params) as ListRecord[];
  const total = db.prepare(`SELECT count(*) FROM tenants ${condition}`).pluck().get(...params) as number;
  return { rows: rows.map(toListRow), total };
}

/** Every plan, status and region of the cached tenants, with how many tenants each has. */
export function tenantFilterChoices(db: Database): TenantFilterChoices {
  const grouped = (value: string, label: string) =>
    db.prepare(`SELECT ${value} AS value, ${label} AS label, count(*) AS count FROM tenants GROUP BY ${value} ORDER BY ${label}`).all() as TenantFilterChoices['plans'];
  return {
    plans: grouped('plan_id', 'min(plan_name)'),
    statuses: grouped('status', 'status'),
    regions: grouped('region', 'region'),
    total: db.prepare('SELECT count(*) FROM tenants').pluck().get() as number,
  };
}

export function tenantNames(db: Database, ids: readonly string[]): Record<string, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const rows = db.prepare('SELECT id, name FROM tenants WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(unique)) as Array<{ id: string; name: string }>;
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}
