import { z } from 'zod';
import { cents, currency, isoTime, month } from './common.ts';

export const subscriptionStatus = z.enum(['trialing', 'active', 'past_due', 'canceled', 'unpaid', 'paused', 'incomplete']);
export const invoiceStatus = z.enum(['draft', 'open', 'paid', 'uncollectible', 'void']);

export const subscription = z.object({
  id: z.string(),
  status: subscriptionStatus,
  plan: z.object({ id: z.string(), name: z.string() }),
  interval: z.enum(['month', 'year']),
  current_period_start: isoTime,
  current_period_end: isoTime,
  cancel_at: isoTime.nullable(),
  trial_end: isoTime.nullable(),
});
export type Subscription = z.infer<typeof subscription>;

export const invoice = z.object({
  id: z.string(),
  number: z.string(),
  status: invoiceStatus,
  amount_due_cents: cents.min(0),
  amount_paid_cents: cents.min(0),
  currency,
  created_at: isoTime,
  due_at: isoTime.nullable(),
  paid_at: isoTime.nullable(),
});
export type Invoice = z.infer<typeof invoice>;

export const mrrPoint = z.object({ month, mrr_cents: cents.min(0) });

export const tenantBilling = z
  .object({
    subscription: subscription.nullable(),
    payment_method: z
      .object({
        brand: z.string(),
        last4: z.string().regex(/^\d{4}$/),
        exp_month: z.number().int().min(1).max(12),
        exp_year: z.number().int(),
      })
      .nullable(),
    invoices: z.array(invoice),
    upcoming_invoice: z.object({ amount_due_cents: cents.min(0), at: isoTime }).nullable(),
    mrr_history: z.array(mrrPoint),
  })
  .meta({ id: 'TenantBilling' });
export type TenantBilling = z.infer<typeof tenantBilling>;

export const billingSummaryQuery = z.object({
  from: month.optional().meta({ description: 'First month, default 12 months before `to`.' }),
  to: month.optional().meta({ description: 'Last month, default the current month.' }),
});

export const billingSummaryPoint = z.object({
  month,
  mrr_cents: cents.min(0),
  new_cents: cents.min(0),
  expansion_cents: cents.min(0),
  contraction_cents: cents.min(0),
  churn_cents: cents.min(0),
  reactivation_cents: cents.min(0),
  active_tenants: z.number().int().min(0),
});
export type BillingSummaryPoint = z.infer<typeof billingSummaryPoint>;

export const billingSummary = z
  .object({
    currency,
    points: z.array(billingSummaryPoint),
    by_plan: z.array(z.object({ plan: z.string(), tenants: z.number().int().min(0), mrr_cents: cents.min(0) })),
  })
  .meta({ id: 'BillingSummary' });
export type BillingSummary = z.infer<typeof billingSummary>;
