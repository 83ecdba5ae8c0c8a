import type { Tenant, TenantUsage } from '../../shared/ops-api/index.ts';
import { planById } from '../demo-data/catalog.ts';
import { notFound } from '../http/problem.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { escapeLike, SqlFilters } from '../sql-filters.ts';
import type { Handlers, PlatformContext } from './handler.ts';

export interface TenantRow {
  id: string;
  name: string;
  slug: string;
  status: Tenant['status'];
  plan_id: string;
  region: string;
  seats_used: number;
  seats_limit: number;
  mrr_cents: number;
  currency: string;
  created_at: string;
  owner_email: string;
}

export function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    status: row.status,
    plan: { id: row.plan_id, name: planById(row.plan_id).name },
    region: row.region,
    seats: { used: row.seats_used, limit: row.seats_limit },
    mrr_cents: row.mrr_cents,
    currency: row.currency,
    created_at: row.created_at,
    owner_email: row.owner_email,
  };
}

/** The tenant row, or a 404 problem naming the id. */
export function tenantRow(platform: PlatformContext, id: string): TenantRow {
  const row = platform.db.prepare('SELECT * FROM tenants WHERE id = ?').get(id) as TenantRow | undefined;
  if (row === undefined) throw notFound(`No tenant with id '${id}'.`);
  return row;
}

export function tenantHandlers(platform: PlatformContext): Pick<Handlers, 'listTenants' | 'getTenant'> {
  const { db } = platform;
  return {
    listTenants: ({ query }) => {
      const after = decodeCursor('tenants', query.cursor, 2);
      const like = query.q && `%${escapeLike(query.q)}%`;
      const filters = new SqlFilters()
        .add('(name, id) > (?, ?)', after?.[0], after?.[1])
        .add("(name LIKE ? ESCAPE '\\' OR slug LIKE ? ESCAPE '\\' OR id = ? OR owner_email LIKE ? ESCAPE '\\')", like, like, query.q, like)
        .add('plan_id = ?', query.plan?.toLowerCase())
        .add('status = ?', query.status);
      const rows = db.prepare(`SELECT * FROM tenants ${filters} ORDER BY name, id LIMIT ?`).all(...filters.args, query.limit + 1) as TenantRow[];
      return toPage('tenants', rows, query.limit, toTenant, (row) => [row.name, row.id]);
    },
    getTenant: ({ params }) => {
      const tenant = toTenant(tenantRow(platform, params.id!));
      const usage = db.prepare('SELECT metric, used, usage_limit AS "limit", period_end FROM tenant_usage WHERE tenant_id = ? ORDER BY rowid').all(tenant.id) as TenantUsage[];
      return { ...tenant, usage };
    },
  };
}
