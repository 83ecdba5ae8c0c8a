// The tenants view's console handlers over a cache the real sync filled from the reference platform.
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { auditMethods, tenantsMethods } from '../../shared/console-api/index.ts';
import type { TenantDirectoryInput } from '../../shared/console-api/index.ts';
import { connection, listOf, tenant, tenantBilling, tenantPage } from '../../shared/ops-api/index.ts';
import type { Tenant } from '../../shared/ops-api/index.ts';
import { createAuditHandlers } from '../../electron/services/audit-search/audit-handlers.ts';
import { createOpsApiClient } from '../../electron/services/ops-api/ops-api-client.ts';
import { createSourceReaders } from '../../electron/services/reader/source-readers.ts';
import { createSyncLoop } from '../../electron/services/sync/sync-loop.ts';
import { defaultSchedule } from '../../electron/services/sync/sync-schedule.ts';
import { createTenantsHandlers } from '../../electron/services/tenants/tenants-handlers.ts';
import { sourceWorkerPaths } from '../../electron/services/workers/start-worker.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';
import { startTestPlatform, testNow } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';

let platform: TestPlatform;
let cache: ReturnType<typeof makeCacheDb>;
let readers: ReturnType<typeof createSourceReaders>;
let tenants: Tenant[];
/** The clock the tenants handlers decide "past due" and "expires soon" by; tests move it. */
let now = testNow;
let handlers: ReturnType<typeof createTenantsHandlers>;

beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 14, events: 4_000 });
  cache = makeCacheDb();
  const client = createOpsApiClient({ baseUrl: platform.url, token: platform.tokens.full, timeoutMs: 10_000, proxyUrl: null, caFile: null });
  const failures = await createSyncLoop({ db: cache.db, source: { kind: 'ops-api', client }, post: () => {}, signal: new AbortController().signal, schedule: defaultSchedule, clock: systemClock }).runOnce();
  expect(failures).toEqual([]);
  tenants = tenantPage.parse(await (await platform.get('/v1/tenants?limit=1000')).json()).data;
  // makeCacheDb keeps the cache as profile "test" of its data dir.
  readers = createSourceReaders(dirname(dirname(cache.path)), sourceWorkerPaths);
  handlers = createTenantsHandlers({ readers, activeCache: () => 'profile:test', clock: () => now });
}, 90_000);
afterAll(async () => {
  await readers.close();
  cache.remove();
  await platform.stop();
});

const directory = (input: TenantDirectoryInput) => handlers['tenants/directory'](tenantsMethods['tenants/directory'].input.parse(input));
const idsOf = async (input: TenantDirectoryInput) => (await directory(input)).rows.map((row) => row.id);
const sortedIds = (list: Tenant[]) => list.map((one) => one.id).sort();

describe('tenants directory', () => {
  it('lists every tenant the platform lists, with its region, owner and seats', async () => {
    const { rows, total } = await directory({ limit: 1000 });
    expect(total).toBe(tenants.length);
    for (const listed of tenants) {
      const row = rows.find((candidate) => candidate.id === listed.id)!;
      expect(row).toMatchObject({ name: listed.name, region: listed.region, ownerEmail: listed.owner_email, seatsUsed: listed.seats.used, seatsLimit: listed.seats.limit, mrrCents: listed.mrr_cents, currency: listed.currency });
    }
  });

  it('finds a tenant by part of its name, slug, id or owner e-mail, in any case', async () => {
    const one = tenants[3]!;
    for (const q of [one.name.slice(1, 6).toUpperCase(), one.slug, one.id, one.owner_email.split('@')[0]!.toUpperCase()]) {
      expect(await idsOf({ q })).toContain(one.id);
      expect(await idsOf({ q })).toEqual(
        tenants
          .filter((candidate) => [candidate.name, candidate.slug, candidate.id, candidate.owner_email].some((field) => field.toLowerCase().includes(q.toLowerCase())))
          .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1))
          .map((candidate) => candidate.id),
      );
    }
    expect(await idsOf({ q: '%' })).toEqual([]);
  });

  it('filters by plan, status and region, as the platform’s own list does', async () => {
    const one = tenants[0]!;
    expect((await idsOf({ plan: one.plan.id, limit: 1000 })).sort()).toEqual(sortedIds(tenants.filter((candidate) => candidate.plan.id === one.plan.id)));
    expect((await idsOf({ status: one.status, limit: 1000 })).sort()).toEqual(sortedIds(tenants.filter((candidate) => candidate.status === one.status)));
    expect((await idsOf({ region: one.region, limit: 1000 })).sort()).toEqual(sortedIds(tenants.filter((candidate) => candidate.region === one.region)));
    const both = tenants.filter((candidate) => candidate.region === one.region && candidate.status === one.status);
    expect((await idsOf({ region: one.region, status: one.status })).sort()).toEqual(sortedIds(both));

    const choices = await handlers['tenants/filters']({});
    expect(choices.total).toBe(tenants.length);
    for (const group of [choices.plans, choices.statuses, choices.regions]) expect(group.reduce((sum, choice) => sum + choice.count, 0)).toBe(tenants.length);
    expect(choices.plans.find((plan) => plan.value === one.plan.id)?.label).toBe(one.plan.name);
  });

  it('sorts by MRR, seats and created, either way, and pages without losing or repeating a tenant', async () => {
    const mrr = (await directory({ sort: 'mrr', order: 'desc' })).rows.map((row) => row.mrrCents);
    expect(mrr).toEqual([...mrr].sort((a, b) => b - a));
    const seats = (await directory({ sort: 'seats', order: 'asc' })).rows.map((row) => row.seatsUsed);
    expect(seats).toEqual([...seats].sort((a, b) => a - b));
    const created = (await directory({ sort: 'created', order: 'desc' })).rows.map((row) => row.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const pages = [...(await idsOf({ sort: 'mrr', limit: 5 })), ...(await idsOf({ sort: 'mrr', limit: 5, offset: 5 })), ...(await idsOf({ sort: 'mrr', limit: 5, offset: 10 }))];
    expect(pages).toEqual(await idsOf({ sort: 'mrr', limit: 15 }));
    expect(new Set(pages).size).toBe(tenants.length);
  });
});

describe('tenant overview', () => {
  const withOpenInvoice = async () => {
    for (const one of tenants) {
      const billing = tenantBilling.parse(await (await platform.get(`/v1/tenants/${one.id}/billing`)).json());
      const open = billing.invoices.find((invoice) => invoice.status === 'open' && invoice.due_at !== null);
      if (open !== undefined) return { one, billing, open };
    }
    throw new Error('The demo data has no open invoice with a due date');
  };

  it('shows the usage only GET /v1/tenants/{id} returns, and the tenant’s billing as the platform has it', async () => {
    const one = tenants[2]!;
    const detail = tenant.parse(await (await platform.get(`/v1/tenants/${one.id}`)).json());
    const billing = tenantBilling.parse(await (await platform.get(`/v1/tenants/${one.id}/billing`)).json());
    const overview = (await handlers['tenants/overview']({ id: one.id }))!;
    expect(overview.tenant.usage).toEqual(detail.usage!.map((usage) => ({ metric: usage.metric, used: usage.used, limit: usage.limit, periodEnd: usage.period_end })));
    expect(overview.tenant).toMatchObject({ id: one.id, name: one.name, ownerEmail: one.owner_email, region: one.region });
    expect(overview.billing!.invoices.map((invoice) => invoice.id).sort()).toEqual(billing.invoices.map((invoice) => invoice.id).sort());
    expect(overview.billing!.mrrHistory.map((point) => point.mrrCents)).toEqual(billing.mrr_history.map((point) => point.mrr_cents));
    expect(overview.billing!.subscription?.status ?? null).toBe(billing.subscription?.status ?? null);
  });

  it('puts past-due invoices first, then open ones, deciding "past due" by the injected clock', async () => {
    const { one, open } = await withOpenInvoice();
    now = Date.parse(open.due_at!) - 1;
    const before = (await handlers['tenants/overview']({ id: one.id }))!.billing!.invoices;
    expect(before.find((invoice) => invoice.id === open.id)!.pastDue).toBe(false);
    now = Date.parse(open.due_at!) + 1;
    const after = (await handlers['tenants/overview']({ id: one.id }))!.billing!.invoices;
    expect(after.find((invoice) => invoice.id === open.id)!.pastDue).toBe(true);
    const rank = (invoice: (typeof after)[number]) => (invoice.pastDue ? 0 : invoice.status === 'open' ? 1 : 2);
    expect(after.map(rank)).toEqual(after.map(rank).sort());
    expect(after[0]!.pastDue).toBe(true);
    now = testNow;
  });

  it('warns of a card expiring within 30 days of the injected clock, and of one expired', async () => {
    const withCard = await (async () => {
      for (const one of tenants) {
        const billing = tenantBilling.parse(await (await platform.get(`/v1/tenants/${one.id}/billing`)).json());
        if (billing.payment_method !== null) return { one, card: billing.payment_method };
      }
      throw new Error('The demo data has no payment method');
    })();
    const monthEnd = Date.UTC(withCard.card.exp_year, withCard.card.exp_month, 1);
    const expiryAt = async (at: number) => {
      now = at;
      return (await handlers['tenants/overview']({ id: withCard.one.id }))!.billing!.paymentMethod!.expiry;
    };
    expect(await expiryAt(monthEnd - 31 * 86_400_000)).toBe('ok');
    expect(await expiryAt(monthEnd - 29 * 86_400_000)).toBe('soon');
    expect(await expiryAt(monthEnd + 1)).toBe('expired');
    now = testNow;
  });

  it('lists the tenant’s newest audit events, its connections worst first and its failed jobs, from the cache', async () => {
    const counts = cache.db.prepare('SELECT tenant_id AS id, count(*) AS n FROM audit_events WHERE tenant_id IS NOT NULL GROUP BY tenant_id ORDER BY n DESC').all() as Array<{ id: string; n: number }>;
    const busiest = counts[0]!;
    const overview = (await handlers['tenants/overview']({ id: busiest.id }))!;
    expect(overview.audit.total).toBe(busiest.n);
    expect(overview.audit.events).toHaveLength(Math.min(50, busiest.n));
    const seqs = overview.audit.events.map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(seqs[0]).toBe(cache.db.prepare('SELECT max(seq) FROM audit_events WHERE tenant_id = ?').pluck().get(busiest.id));

    let linked = 0;
    let stuck = 0;
    for (const one of tenants) {
      const listed = listOf(connection).parse(await (await platform.get(`/v1/connections?tenant_id=${one.id}&limit=1000`)).json()).data;
      const shown = (await handlers['tenants/overview']({ id: one.id }))!;
      expect(shown.connections.map((link) => link.id).sort()).toEqual(listed.map((link) => link.id).sort());
      const worst = ['failing', 'disconnected', 'degraded', 'paused', 'healthy'];
      const ranks = shown.connections.map((link) => worst.indexOf(link.status));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      const failed = cache.db.prepare('SELECT count(*) FROM failed_jobs WHERE tenant_id = ?').pluck().get(one.id) as number;
      expect(shown.failedJobs.total).toBe(failed);
      expect(shown.failedJobs.jobs.length).toBe(Math.min(50, failed));
      expect(shown.failedJobs.jobs.every((job) => job.queue !== '')).toBe(true);
      linked += shown.connections.length;
      stuck += failed;
    }
    // The demo data gives tenants connections and failed jobs: the loop above compared something.
    expect(linked).toBeGreaterThan(0);
    expect(stuck).toBeGreaterThan(0);
  });

  it('answers null for a tenant the cache does not hold', async () => {
    expect(await handlers['tenants/overview']({ id: 'ten_not_here' })).toBeNull();
  });
});

describe('audit link from a tenant page', () => {
  it('tenant:<id> finds exactly that tenant’s events, as many as the page says', async () => {
    const audit = createAuditHandlers({ readers, defaultSource: () => 'profile:test', alteredSeqs: async () => new Set() });
    const one = tenants[1]!;
    const result = await audit['audit/search'](auditMethods['audit/search'].input.parse({ q: `tenant:${one.id}` }));
    expect(result.error).toBeNull();
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((row) => row.tenantId === one.id)).toBe(true);
    expect(result.total).toBe((await handlers['tenants/overview']({ id: one.id }))!.audit.total);
  });

  it('audit rows and the tenant facet name each tenant from the cached tenants', async () => {
    const audit = createAuditHandlers({ readers, defaultSource: () => 'profile:test', alteredSeqs: async () => new Set() });
    const names = new Map(tenants.map((one) => [one.id, one.name]));
    const { rows } = await audit['audit/search'](auditMethods['audit/search'].input.parse({ q: '' }));
    const withTenant = rows.filter((row) => row.tenantId !== null);
    expect(withTenant.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.tenantName).toBe(row.tenantId === null ? null : (names.get(row.tenantId) ?? null));
    const facets = await audit['audit/facets']({ q: '' });
    expect(facets.tenants.length).toBeGreaterThan(0);
    for (const entry of facets.tenants) expect(entry.label).toBe(names.get(entry.value) ?? null);
  });
});
