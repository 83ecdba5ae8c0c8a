import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { TenantFilterChoices, TenantListRow, TenantSort, tenantDirectoryInput } from '../../../shared/console-api/index.ts';

export const listColumns = `id, name, slug, status, plan_id AS planId, plan_name AS planName, region, owner_email AS ownerEmail,
  seats_used AS seatsUsed, seats_limit AS seatsLimit, mrr_cents AS mrrCents, currency, created_at AS createdAt`;

export type ListRecord = Omit<TenantListRow, 'createdAt' | 'status'> & { status: TenantListRow['status']; createdAt: number };
export const toListRow = (record: ListRecord): TenantListRow => ({ ...record, createdAt: new Date(record.createdAt).toISOString() });

interface Entry {
  row: TenantListRow;
  /** Name, slug, id and owner e-mail in lower case: what a search looks in. */
  haystack: string;
  sortKey: Record<TenantSort, string | number>;
}

/**
 * The directory over the cached tenants, held in memory on the reader thread and read again when
 * the tenants sync writes: filtering and sorting 10,000 tenants in SQLite scans the table's raw
 * JSON on every keystroke (15–30 ms); in memory it is a loop over short strings.
 */
export function createTenantDirectory(db: Database) {
  const syncedAt = db.prepare("SELECT last_success_at FROM sync_state WHERE resource = 'tenants'").pluck();
  const all = db.prepare(`SELECT ${listColumns} FROM tenants ORDER BY name COLLATE NOCASE, id`);
  let held: { at: unknown; entries: Entry[]; sorted: Map<TenantSort, Entry[]> } | null = null;

  const entries = () => {
    const at = syncedAt.get() ?? null;
    if (held === null || held.at !== at) {
      const rows = (all.all() as ListRecord[]).map(toListRow);
      const byName = rows.map((row, index): Entry => ({
        row,
        haystack: `${row.name}\n${row.slug}\n${row.id}\n${row.ownerEmail}`.toLowerCase(),
        sortKey: { name: index, mrr: row.mrrCents, seats: row.seatsUsed, created: row.createdAt },
      }));
      held = { at, entries: byName, sorted: new Map([['name', byName]]) };
    }
    return held;
  };
  const sortedBy = (sort: TenantSort) => {
    const current = entries();
    let sorted = current.sorted.get(sort);
    if (sorted === undefined) {
      // Ties keep the name order, as the SQL order by (key, name) would.
      sorted = [...current.entries].sort((a, b) => (a.sortKey[sort] < b.sortKey[sort] ? -1 : a.sortKey[sort] > b.sortKey[sort] ? 1 : 0));
      current.sorted.set(sort, sorted);
    }
    return sorted;
  };

  /** One page of the cached tenants matching the search and filters, in the chosen order, with how many match. */
  return function tenantDirectory({ q, plan, status, region, sort, order, offset, limit }: z.output<typeof tenantDirectoryInput>): { rows: TenantListRow[]; total: number } {
    const text = q.trim().toLowerCase();
    const matches = (entry: Entry) =>
      (text === '' || entry.haystack.includes(text)) &&
      (plan === undefined || entry.row.planId === plan) &&
      (status === undefined || entry.row.status === status) &&
      (region === undefined || entry.row.region === region);
    const sorted = sortedBy(sort);
    const rows: TenantListRow[] = [];
    let total = 0;
    for (let step = 0; step < sorted.length; step++) {
      const entry = sorted[order === 'asc' ? step : sorted.length - 1 - step]!;
      if (!matches(entry)) continue;
      if (total >= offset && rows.length < limit) rows.push(entry.row);
      total++;
    }
    return { rows, total };
  };
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
