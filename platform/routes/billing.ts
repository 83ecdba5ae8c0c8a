import { mrrMovements } from '../../shared/billing/mrr-movements.ts';
import type { TenantMrrMonth } from '../../shared/billing/mrr-movements.ts';
import type { Invoice, Subscription, TenantBilling } from '../../shared/ops-api/index.ts';
import { planById } from '../demo-data/catalog.ts';
import { monthOf, monthStart } from '../demo-data/time.ts';
import { invalidParameters } from '../http/problem.ts';
import type { Handlers, PlatformContext } from './handler.ts';
import { tenantRow } from './tenants.ts';

/** The summary has one currency; tenants billed in another are not in it (amounts are never added across currencies). */
const summaryCurrency = 'usd';

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
      const rows = db
        .prepare('SELECT tenant_id, month, mrr_history.mrr_cents FROM mrr_history JOIN tenants ON tenants.id = tenant_id WHERE currency = ? AND month <= ?')
        .all(summaryCurrency, to) as TenantMrrMonth[];
      const byPlan = db
        .prepare('SELECT plan_id, count(*) AS tenants, sum(mrr_cents) AS mrr_cents FROM tenants WHERE mrr_cents > 0 AND currency = ? GROUP BY plan_id ORDER BY sum(mrr_cents) DESC')
        .all(summaryCurrency) as Array<{ plan_id: string; tenants: number; mrr_cents: number }>;
      return {
        currency: summaryCurrency,
        points: mrrMovements(rows, from, to),
        by_plan: byPlan.map((row) => ({ plan: planById(row.plan_id).name, tenants: row.tenants, mrr_cents: row.mrr_cents })),
      };
    },
  };
}
