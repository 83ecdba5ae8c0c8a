import type { Database } from 'better-sqlite3';
import { mrrMovements } from '../../../shared/billing/mrr-movements.ts';
import { mrrMovementsByCurrency } from '../../../shared/billing/by-currency.ts';
import type { TenantMrrMonth } from '../../../shared/billing/mrr-movements.ts';
import { addMonths, monthOfTime } from '../../../shared/billing/months.ts';
import { arpaCents, arrCents, grossMrrChurnRate, netMrrChurnRate, quickRatio } from '../../../shared/billing/saas-metrics.ts';
import type { BillingMonth, BillingOverview, BillingOverviewOrNothing, CurrencyBilling, EndingTrial, ExpiringCard, PastDueTenant } from '../../../shared/console-api/index.ts';
import type { BillingSummaryPoint } from '../../../shared/ops-api/index.ts';

const dayMs = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The billing overview from the cache as of `now` (the main side's clock): per currency, MRR
 * over `months` months with its movements and rates, MRR by plan and who is past due; then
 * the trials ending this week and the cards expiring next month.
 */
export function billingOverview(db: Database, months: number, now: number): BillingOverviewOrNothing {
  if (db.prepare('SELECT EXISTS (SELECT 1 FROM tenant_billing)').pluck().get() === 0) return { synced: false, asOf: iso(now) };
  const to = monthOfTime(now);
  const from = addMonths(to, 1 - months);
  return {
    synced: true,
    asOf: iso(now),
    currencies: currencies(db, from, to, now),
    trialsEnding: trialsEndingThisWeek(db, now),
    cardsExpiring: cardsExpiringNextMonth(db, now),
  };
}

function currencies(db: Database, from: string, to: string, now: number): CurrencyBilling[] {
  const history = db
    .prepare('SELECT tenants.currency, mrr_history.tenant_id, mrr_history.month, mrr_history.mrr_cents FROM mrr_history JOIN tenants ON tenants.id = mrr_history.tenant_id WHERE mrr_history.month <= ?')
    .all(to) as Array<TenantMrrMonth & { currency: string }>;
  const plans = db
    .prepare('SELECT currency, plan_name AS plan, count(*) AS tenants, sum(mrr_cents) AS mrrCents FROM tenants WHERE mrr_cents > 0 GROUP BY currency, plan_name ORDER BY mrrCents DESC, plan')
    .all() as Array<{ currency: string; plan: string; tenants: number; mrrCents: number }>;
  const pastDue = pastDueByCurrency(db, now);
  const movements = mrrMovementsByCurrency(history, from, to);
  // A currency owed in but no longer billed in still has its past-due list.
  for (const currency of pastDue.keys()) if (!movements.some((group) => group.currency === currency)) movements.push({ currency, points: mrrMovements([], from, to) });
  return movements.map(({ currency, points }) => {
    const monthly = points.map(billingMonth);
    const latest = monthly.at(-1)!;
    return {
      currency,
      latest,
      arrCents: arrCents(latest.mrrCents),
      arpaCents: arpaCents(points.at(-1)!),
      months: monthly,
      byPlan: plans.filter((plan) => plan.currency === currency).map(({ plan, tenants, mrrCents }) => ({ plan, tenants, mrrCents })),
      pastDue: pastDue.get(currency) ?? [],
    };
  });
}

function billingMonth(point: BillingSummaryPoint): BillingMonth {
  return {
    month: point.month,
    mrrCents: point.mrr_cents,
    newCents: point.new_cents,
    expansionCents: point.expansion_cents,
    contractionCents: point.contraction_cents,
    churnCents: point.churn_cents,
    reactivationCents: point.reactivation_cents,
    activeTenants: point.active_tenants,
    grossMrrChurnRate: grossMrrChurnRate(point),
    netMrrChurnRate: netMrrChurnRate(point),
    quickRatio: quickRatio(point),
  };
}

/** Open invoices past their due date and uncollectible ones, per tenant and currency, largest amount first. */
function pastDueByCurrency(db: Database, now: number): Map<string, PastDueTenant[]> {
  const rows = db
    .prepare(
      `SELECT invoices.currency, invoices.tenant_id AS tenantId, tenants.name AS tenantName,
              sum(amount_due_cents - amount_paid_cents) AS amountCents, count(*) AS invoices,
              max(invoices.status = 'uncollectible') AS uncollectible, min(coalesce(due_at, invoices.created_at)) AS oldestDue
       FROM invoices LEFT JOIN tenants ON tenants.id = invoices.tenant_id
       WHERE (invoices.status = 'open' AND due_at < ?) OR invoices.status = 'uncollectible'
       GROUP BY invoices.currency, invoices.tenant_id
       ORDER BY amountCents DESC, tenantId`,
    )
    .all(now) as Array<{ currency: string; tenantId: string; tenantName: string | null; amountCents: number; invoices: number; uncollectible: number; oldestDue: number }>;
  const byCurrency = new Map<string, PastDueTenant[]>();
  for (const { currency, oldestDue, uncollectible, ...row } of rows) {
    const tenant = { ...row, uncollectible: uncollectible === 1, daysOverdue: Math.max(0, Math.floor((now - oldestDue) / dayMs)), oldestDueAt: iso(oldestDue) };
    byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), tenant]);
  }
  return byCurrency;
}

/** Trials whose end falls in the calendar week of `now`, Monday 00:00 to Sunday 24:00 UTC, soonest first. */
function trialsEndingThisWeek(db: Database, now: number): BillingOverview['trialsEnding'] {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const from = today - ((new Date(now).getUTCDay() + 6) % 7) * dayMs;
  const to = from + 7 * dayMs;
  const rows = db
    .prepare(
      `SELECT tenant_billing.tenant_id AS tenantId, tenants.name AS tenantName,
              json_extract(tenant_billing.raw, '$.subscription.plan.name') AS plan,
              json_extract(tenant_billing.raw, '$.subscription.trial_end') AS trialEnd,
              json_extract(tenant_billing.raw, '$.payment_method') IS NOT NULL AS hasPaymentMethod
       FROM tenant_billing LEFT JOIN tenants ON tenants.id = tenant_billing.tenant_id
       WHERE json_extract(tenant_billing.raw, '$.subscription.status') = 'trialing'`,
    )
    .all() as Array<Omit<EndingTrial, 'hasPaymentMethod' | 'trialEnd'> & { trialEnd: string | null; hasPaymentMethod: number }>;
  const trials = rows
    .filter((row): row is typeof row & { trialEnd: string } => row.trialEnd !== null && Date.parse(row.trialEnd) >= from && Date.parse(row.trialEnd) < to)
    .map((row) => ({ ...row, trialEnd: iso(Date.parse(row.trialEnd)), hasPaymentMethod: row.hasPaymentMethod === 1 }))
    .sort((a, b) => a.trialEnd.localeCompare(b.trialEnd) || a.tenantId.localeCompare(b.tenantId));
  return { from: iso(from), to: iso(to), trials };
}

/** Cards of tenants still billed that expire in the calendar month after `now`'s, by currency, most MRR first. */
function cardsExpiringNextMonth(db: Database, now: number): BillingOverview['cardsExpiring'] {
  const month = addMonths(monthOfTime(now), 1);
  const [year, monthIndex] = month.split('-').map(Number) as [number, number];
  const cards = db
    .prepare(
      `SELECT tenant_billing.tenant_id AS tenantId, tenants.name AS tenantName, tenants.mrr_cents AS mrrCents, tenants.currency,
              json_extract(tenant_billing.raw, '$.payment_method.brand') AS brand, json_extract(tenant_billing.raw, '$.payment_method.last4') AS last4
       FROM tenant_billing JOIN tenants ON tenants.id = tenant_billing.tenant_id
       WHERE json_extract(tenant_billing.raw, '$.payment_method.exp_year') = ? AND json_extract(tenant_billing.raw, '$.payment_method.exp_month') = ?
         AND tenants.status IN ('active', 'past_due', 'trialing')
       ORDER BY tenants.currency, tenants.mrr_cents DESC, tenantId`,
    )
    .all(year, monthIndex) as Array<Omit<ExpiringCard, 'expMonth' | 'expYear'>>;
  return { month, cards: cards.map((card) => ({ ...card, expMonth: monthIndex, expYear: year })) };
}
