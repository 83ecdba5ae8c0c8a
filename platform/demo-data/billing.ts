import type { Invoice, Subscription } from '../../shared/ops-api/index.ts';
import type { DemoTenant } from './tenants.ts';
import type { Random } from './random.ts';
import { dayMs, hourMs, iso, monthStart } from './time.ts';

export interface TenantBillingRows {
  subscription: Subscription | null;
  payment_method: { brand: string; last4: string; exp_month: number; exp_year: number } | null;
  invoices: Invoice[];
}

const brands = [['visa', 55], ['mastercard', 30], ['amex', 10], ['sepa_debit', 5]] as const;

/**
 * Stripe-like billing for one tenant, consistent with its MRR history: one invoice per paid
 * month for exactly that month's MRR, paid unless the tenant's status says otherwise.
 */
export function generateBilling(random: Random, tenant: DemoTenant, now: number, invoiceCounter: { next: number }): TenantBillingRows {
  const invoices: Invoice[] = [];
  const prefix = tenant.slug.replace(/-/g, '').slice(0, 6).toUpperCase();
  const paying = tenant.history.filter((month) => month.mrr_cents > 0);
  paying.forEach((month, index) => {
    const created = month.start + random.int(0, 3) * hourMs;
    if (created > now) return;
    const issue = (status: Invoice['status'], paid: boolean): Invoice => ({
      id: random.id('in_', 24),
      number: `${prefix}-${String(invoiceCounter.next++).padStart(4, '0')}`,
      status,
      amount_due_cents: month.mrr_cents,
      amount_paid_cents: paid ? month.mrr_cents : 0,
      currency: tenant.currency,
      created_at: iso(created),
      due_at: iso(created + 14 * dayMs),
      paid_at: paid ? iso(Math.min(now, created + random.int(1, 72) * hourMs)) : null,
    });
    if (random.chance(0.02)) invoices.push(issue('void', false));
    // Past due: last month's invoice is still unpaid (so it is overdue), and this month's too.
    if (tenant.status === 'past_due' && index >= paying.length - 2) invoices.push(issue('open', false));
    else if (tenant.status === 'suspended' && index >= paying.length - 2) invoices.push(issue('uncollectible', false));
    else invoices.push(issue('paid', true));
  });
  if (tenant.status === 'active' && tenant.mrr_cents > 0 && random.chance(0.3)) {
    invoices.push({
      id: random.id('in_', 24),
      number: `${prefix}-DRAFT`,
      status: 'draft',
      amount_due_cents: tenant.mrr_cents,
      amount_paid_cents: 0,
      currency: tenant.currency,
      created_at: iso(now - random.int(1, 48) * hourMs),
      due_at: null,
      paid_at: null,
    });
  }
  return { subscription: subscriptionOf(random, tenant, now), payment_method: paymentMethodOf(random, tenant, now), invoices };
}

function subscriptionOf(random: Random, tenant: DemoTenant, now: number): Subscription | null {
  const status = ({ active: 'active', trialing: 'trialing', past_due: 'past_due', suspended: 'unpaid', churned: 'canceled' } as const)[tenant.status];
  const periodStart = tenant.status === 'trialing' ? tenant.created_ms : tenant.ended_ms !== null ? monthStart(tenant.ended_ms) : monthStart(now);
  return {
    id: random.id('sub_', 24),
    status,
    plan: { id: tenant.plan.id, name: tenant.plan.name },
    interval: 'month',
    current_period_start: iso(periodStart),
    current_period_end: iso(tenant.trial_end_ms ?? monthStart(periodStart, 1)),
    cancel_at: tenant.status === 'churned' && tenant.ended_ms !== null ? iso(tenant.ended_ms) : null,
    trial_end: tenant.trial_end_ms === null ? null : iso(tenant.trial_end_ms),
  };
}

function paymentMethodOf(random: Random, tenant: DemoTenant, now: number): TenantBillingRows['payment_method'] {
  if (tenant.status === 'trialing' && random.chance(0.6)) return null;
  const year = new Date(now).getUTCFullYear();
  return {
    brand: random.weighted(brands),
    last4: String(random.int(0, 9999)).padStart(4, '0'),
    exp_month: random.int(1, 12),
    exp_year: tenant.status === 'past_due' && random.chance(0.5) ? year - 1 : year + random.int(0, 4),
  };
}

/** What the next invoice will be, for tenants that will be billed again. */
export function upcomingInvoice(tenant: DemoTenant, now: number): { amount_due_cents: number; at: string } | null {
  if (tenant.status === 'trialing') return { amount_due_cents: tenant.plan.price_cents, at: iso(tenant.trial_end_ms ?? now) };
  if (tenant.status === 'active' || tenant.status === 'past_due') return { amount_due_cents: tenant.mrr_cents, at: iso(monthStart(now, 1)) };
  return null;
}
