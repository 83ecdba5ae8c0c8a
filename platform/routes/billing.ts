import type { BillingSummaryPoint, Invoice, Subscription, TenantBilling } from '../../shared/ops-api/index.ts';
import { planById } from '../demo-data/catalog.ts';
import { monthOf, monthStart } from '../demo-data/time.ts';
import { invalidParameters } from '../http/problem.ts';
import type { Handlers, PlatformContext } from './handler.ts';
import { tenantRow } from './tenants.ts';

type SubscriptionRow = Omit<Subscription, 'plan'> & { plan_id: string };

export function billingHandlers(platform: PlatformContext): Pick<Handlers, 'getTenantBilling' | 'getBillingSummary'> {
  const { db } = platform;
  return {
    getTenantBilling: ({ params }) => {
      const tenant = tenantRow(platform, params.id!);
      const sub = db.prepare('SELECT id, status, plan_id, interval, current_period_start, current_period_end, cancel_at, trial_end FROM subscriptions WHERE tenant_id = ?').get(tenant.id) as
        | SubscriptionRow
        | undefined;
      const { plan_id, ...subscription } = sub ?? { plan_id: '' };
      return {
        subscription: sub === undefined ? null : ({ ...subscription, plan: { id: plan_id, name: planById(plan_id).name } } as Subscription),
        payment_method: (db.prepare('SELECT brand, last4, exp_month, exp_year FROM payment_methods WHERE tenant_id = ?').get(tenant.id) as TenantBilling['payment_method'] | undefined) ?? null,
        invoices: db
          .prepare('SELECT id, number, status, amount_due_cents, amount_paid_cents, currency, created_at, due_at, paid_at FROM invoices WHERE tenant_id = ? ORDER BY created_at DESC, rowid DESC')
          .all(tenant.id) as Invoice[],
        upcoming_invoice: (db.prepare('SELECT amount_due_cents, at FROM upcoming_invoices WHERE tenant_id = ?').get(tenant.id) as TenantBilling['upcoming_invoice'] | undefined) ?? null,
        mrr_history: db.prepare('SELECT month, mrr_cents FROM mrr_history WHERE tenant_id = ? ORDER BY month').all(tenant.id) as TenantBilling['mrr_history'],
      } satisfies TenantBilling;
    },
    getBillingSummary: ({ query }) => {
      const to = query.to ?? monthOf(platform.now());
      const from = query.from ?? monthOf(monthStart(Date.parse(`${to}-01T00:00:00.000Z`), -11));
      if (from > to) throw invalidParameters(`from (${from}) must not be after to (${to}).`);
      const rows = db.prepare('SELECT tenant_id, month, mrr_cents FROM mrr_history WHERE month <= ? ORDER BY tenant_id, month').all(to) as Array<{ tenant_id: string; month: string; mrr_cents: number }>;
      const byPlan = db
        .prepare("SELECT plan_id, count(*) AS tenants, sum(mrr_cents) AS mrr_cents FROM tenants WHERE mrr_cents > 0 GROUP BY plan_id ORDER BY sum(mrr_cents) DESC")
        .all() as Array<{ plan_id: string; tenants: number; mrr_cents: number }>;
      return {
        currency: 'usd',
        points: mrrMovements(rows, from, to),
        by_plan: byPlan.map((row) => ({ plan: planById(row.plan_id).name, tenants: row.tenants, mrr_cents: row.mrr_cents })),
      };
    },
  };
}

/**
 * MRR by month and what moved it: each tenant's change from the month before counts as new
 * (first revenue), reactivation (revenue again after zero), expansion, contraction or churn.
 * So mrr(m) = mrr(m-1) + new + expansion + reactivation - contraction - churn.
 */
export function mrrMovements(rows: Array<{ tenant_id: string; month: string; mrr_cents: number }>, from: string, to: string): BillingSummaryPoint[] {
  const months: string[] = [];
  for (let at = Date.parse(`${from}-01T00:00:00.000Z`); monthOf(at) <= to; at = monthStart(at, 1)) months.push(monthOf(at));
  const points = new Map(months.map((month) => [month, { month, mrr_cents: 0, new_cents: 0, expansion_cents: 0, contraction_cents: 0, churn_cents: 0, reactivation_cents: 0, active_tenants: 0 }]));
  const byTenant = new Map<string, typeof rows>();
  for (const row of rows) {
    const history = byTenant.get(row.tenant_id);
    if (history) history.push(row);
    else byTenant.set(row.tenant_id, [row]);
  }
  for (const history of byTenant.values()) {
    const mrrIn = new Map(history.map((row) => [row.month, row.mrr_cents]));
    const firstPaid = history.find((row) => row.mrr_cents > 0)?.month;
    for (const [index, month] of months.entries()) {
      const point = points.get(month)!;
      const current = mrrIn.get(month) ?? 0;
      const previous = mrrIn.get(index === 0 ? monthOf(monthStart(Date.parse(`${month}-01T00:00:00.000Z`), -1)) : months[index - 1]!) ?? 0;
      point.mrr_cents += current;
      if (current > 0) point.active_tenants += 1;
      if (previous === 0 && current > 0) {
        if (month === firstPaid) point.new_cents += current;
        else point.reactivation_cents += current;
      } else if (previous > 0 && current === 0) point.churn_cents += previous;
      else if (current > previous) point.expansion_cents += current - previous;
      else point.contraction_cents += previous - current;
    }
  }
  return [...points.values()];
}
