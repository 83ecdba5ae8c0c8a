// The billing overview through its console handlers, over a cache the real sync filled from the
// reference platform, with the main side's clock set by the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBillingHandlers } from '../../electron/services/billing/billing-handlers.ts';
import { cacheDbPath } from '../../electron/services/cache/cache-paths.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { createOpsApiClient } from '../../electron/services/ops-api/ops-api-client.ts';
import { createSourceReaders } from '../../electron/services/reader/source-readers.ts';
import { createSyncLoop } from '../../electron/services/sync/sync-loop.ts';
import { defaultSchedule } from '../../electron/services/sync/sync-schedule.ts';
import { sourceWorkerPaths } from '../../electron/services/workers/start-worker.ts';
import type { BillingOverview, BillingOverviewOrNothing } from '../../shared/console-api/index.ts';
import { billingSummary, tenantBilling, tenantPage } from '../../shared/ops-api/index.ts';
import type { Tenant, TenantBilling } from '../../shared/ops-api/index.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform, testNow } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';

const dayMs = 86_400_000;
let platform: TestPlatform;
const dataDir = makeDataDir('opsdeck-billing-');
const readers = createSourceReaders(dataDir.path, sourceWorkerPaths);
let tenants: Tenant[];
const billingOf = new Map<string, TenantBilling>();

beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 60, events: 1_000, clock: () => testNow });
  const { db } = openCacheDb(cacheDbPath(dataDir.path, 'billing'), { log: () => {} });
  const client = createOpsApiClient({ baseUrl: platform.url, token: platform.tokens.full, timeoutMs: 10_000, proxyUrl: null, caFile: null });
  const failures = await createSyncLoop({ db, source: { kind: 'ops-api', client }, post: () => {}, signal: new AbortController().signal, schedule: defaultSchedule, clock: () => testNow }).runOnce();
  expect(failures).toEqual([]);
  db.close();
  tenants = tenantPage.parse(await (await platform.get('/v1/tenants?limit=1000')).json()).data;
  for (const tenant of tenants) billingOf.set(tenant.id, tenantBilling.parse(await (await platform.get(`/v1/tenants/${tenant.id}/billing`)).json()));
}, 120_000);
afterAll(async () => {
  await readers.close();
  dataDir.remove();
  await platform.stop();
});

async function overviewAt(now: number, months = 12): Promise<BillingOverview> {
  const handlers = createBillingHandlers({ readers, activeCache: () => 'profile:billing', clock: () => now });
  const overview: BillingOverviewOrNothing = await handlers['billing/overview']({ months });
  if (!overview.synced) throw new Error('the billing overview says nothing is synced');
  return overview;
}

describe('MRR per currency', () => {
  it('has a section per currency the tenants bill in, each from its own tenants only', async () => {
    const overview = await overviewAt(testNow);
    const billed = [...new Set(tenants.map((tenant) => tenant.currency))].sort();
    expect(billed.length).toBeGreaterThan(1);
    expect(overview.currencies.map((section) => section.currency).sort()).toEqual(billed);
    for (const section of overview.currencies) {
      const own = tenants.filter((tenant) => tenant.currency === section.currency);
      const mrr = own.reduce((sum, tenant) => sum + tenant.mrr_cents, 0);
      const paying = own.filter((tenant) => tenant.mrr_cents > 0).length;
      expect(section.latest).toMatchObject({ month: new Date(testNow).toISOString().slice(0, 7), mrrCents: mrr, activeTenants: paying });
      expect(section.arrCents).toBe(mrr * 12);
      expect(section.arpaCents).toBe(paying === 0 ? null : Math.round(mrr / paying));
      expect(section.byPlan.reduce((sum, plan) => sum + plan.mrrCents, 0)).toBe(mrr);
      expect(section.months).toHaveLength(12);
    }
  });

  it('derives the same movements as the platform’s own summary, which covers its usd tenants', async () => {
    const usd = (await overviewAt(testNow, 18)).currencies.find((section) => section.currency === 'usd')!;
    const first = usd.months[0]!.month;
    const summary = billingSummary.parse(await (await platform.get(`/v1/billing/summary?from=${first}`)).json());
    expect(summary.currency).toBe('usd');
    expect(usd.months.map((month) => [month.month, month.mrrCents, month.newCents, month.expansionCents, month.contractionCents, month.churnCents, month.reactivationCents, month.activeTenants])).toEqual(
      summary.points.map((point) => [point.month, point.mrr_cents, point.new_cents, point.expansion_cents, point.contraction_cents, point.churn_cents, point.reactivation_cents, point.active_tenants]),
    );
  });
});

describe('past due and unpaid', () => {
  it('lists, per currency, the tenants owing past their due date, largest amount first, overdue by the main side’s clock', async () => {
    const now = await overviewAt(testNow);
    const later = await overviewAt(testNow + 10 * dayMs);
    for (const section of now.currencies) {
      const expected = tenants
        .filter((tenant) => tenant.currency === section.currency)
        .flatMap((tenant) => {
          const owed = billingOf.get(tenant.id)!.invoices.filter((invoice) => invoice.status === 'uncollectible' || (invoice.status === 'open' && invoice.due_at !== null && Date.parse(invoice.due_at) < testNow));
          return owed.length === 0 ? [] : [{ tenantId: tenant.id, amountCents: owed.reduce((sum, invoice) => sum + invoice.amount_due_cents - invoice.amount_paid_cents, 0) }];
        });
      expect(section.pastDue.map(({ tenantId, amountCents }) => ({ tenantId, amountCents })).sort((a, b) => a.tenantId.localeCompare(b.tenantId))).toEqual(expected.sort((a, b) => a.tenantId.localeCompare(b.tenantId)));
      const amounts = section.pastDue.map((row) => row.amountCents);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
      for (const row of section.pastDue) {
        expect(row.daysOverdue).toBe(Math.floor((testNow - Date.parse(row.oldestDueAt)) / dayMs));
        const tenLater = later.currencies.find((other) => other.currency === section.currency)!.pastDue.find((other) => other.tenantId === row.tenantId)!;
        expect(tenLater.daysOverdue).toBe(row.daysOverdue + 10);
      }
    }
    expect(now.currencies.some((section) => section.pastDue.length > 0)).toBe(true);
  });
});

describe('tenants at risk', () => {
  it('lists a trial in the week it ends, and not the week after', async () => {
    const trial = tenants.map((tenant) => billingOf.get(tenant.id)!.subscription).find((subscription) => subscription?.status === 'trialing' && subscription.trial_end !== null)!;
    const end = Date.parse(trial.trial_end!);
    const ids = (overview: BillingOverview) => overview.trialsEnding.trials.map((row) => row.trialEnd);
    const sameWeek = await overviewAt(end);
    expect(ids(sameWeek)).toContain(trial.trial_end);
    expect(Date.parse(sameWeek.trialsEnding.from)).toBeLessThanOrEqual(end);
    expect(new Date(sameWeek.trialsEnding.from).getUTCDay()).toBe(1); // a Monday
    expect(ids(await overviewAt(end + 7 * dayMs))).not.toContain(trial.trial_end);
  });

  it('lists the cards of billed tenants that expire next month, by the main side’s clock', async () => {
    const billed = tenants.filter((tenant) => ['active', 'past_due', 'trialing'].includes(tenant.status) && billingOf.get(tenant.id)!.payment_method !== null);
    const card = billingOf.get(billed[0]!.id)!.payment_method!;
    const monthBefore = Date.UTC(card.exp_year, card.exp_month - 2, 15);
    const overview = await overviewAt(monthBefore);
    const expected = billed.filter((tenant) => {
      const method = billingOf.get(tenant.id)!.payment_method!;
      return method.exp_year === card.exp_year && method.exp_month === card.exp_month;
    });
    expect(overview.cardsExpiring.month).toBe(`${card.exp_year}-${String(card.exp_month).padStart(2, '0')}`);
    expect(overview.cardsExpiring.cards.map((row) => row.tenantId).sort()).toEqual(expected.map((tenant) => tenant.id).sort());
    expect((await overviewAt(Date.UTC(card.exp_year, card.exp_month - 1, 15))).cardsExpiring.cards.map((row) => row.tenantId)).not.toContain(billed[0]!.id);
  });
});

it('says nothing is synced for a profile without a cache', async () => {
  const handlers = createBillingHandlers({ readers, activeCache: () => 'profile:none', clock: () => testNow });
  expect(await handlers['billing/overview']({ months: 12 })).toEqual({ synced: false, asOf: new Date(testNow).toISOString() });
});
