import { z } from 'zod';
import { currency, month } from '../ops-api/common.ts';
import type { MethodTable } from './method.ts';

const count = z.number().int().min(0);
const iso = z.iso.datetime();
/** A fraction (0.05 is 5 %); null where it would divide by zero. */
const rate = z.number().nullable();

/** One month of one currency's MRR, its movements (ChartMogul's) and the month's rates. */
export const billingMonth = z.object({
  month,
  mrrCents: count,
  newCents: count,
  expansionCents: count,
  contractionCents: count,
  churnCents: count,
  reactivationCents: count,
  /** Tenants paying anything that month (ChartMogul's customers). */
  activeTenants: count,
  grossMrrChurnRate: rate,
  netMrrChurnRate: rate,
  quickRatio: rate,
});
export type BillingMonth = z.infer<typeof billingMonth>;

/** A tenant with money owed past its due date (open invoices) or written off as unpaid (uncollectible). */
export const pastDueTenant = z.object({
  tenantId: z.string(),
  tenantName: z.string().nullable(),
  /** Open past its due date, plus uncollectible, less what was paid of them, in the currency. */
  amountCents: count,
  invoices: count,
  uncollectible: z.boolean(),
  /** Since the oldest such invoice fell due. */
  daysOverdue: count,
  oldestDueAt: iso,
});
export type PastDueTenant = z.infer<typeof pastDueTenant>;

/** Everything in one currency: figures, months and lists are never added across currencies. */
export const currencyBilling = z.object({
  currency,
  /** The latest month of `months`, which the headline figures are of. */
  latest: billingMonth,
  arrCents: count,
  /** null without a paying tenant. */
  arpaCents: count.nullable(),
  months: z.array(billingMonth),
  byPlan: z.array(z.object({ plan: z.string(), tenants: count, mrrCents: count })),
  /** Largest amount first. */
  pastDue: z.array(pastDueTenant),
});
export type CurrencyBilling = z.infer<typeof currencyBilling>;

export const endingTrial = z.object({ tenantId: z.string(), tenantName: z.string().nullable(), plan: z.string(), trialEnd: iso, hasPaymentMethod: z.boolean() });
export type EndingTrial = z.infer<typeof endingTrial>;

export const expiringCard = z.object({
  tenantId: z.string(),
  tenantName: z.string().nullable(),
  brand: z.string(),
  last4: z.string(),
  expMonth: z.number().int(),
  expYear: z.number().int(),
  /** What the tenant pays a month, in its currency: what is at stake. */
  mrrCents: count,
  currency,
});
export type ExpiringCard = z.infer<typeof expiringCard>;

/** The main side's clock when read: what "overdue", "this week" and "next month" count from. */
const asOf = iso;

export const billingOverview = z.object({
  synced: z.literal(true),
  asOf,
  currencies: z.array(currencyBilling),
  /** Trials that end in this calendar week (Monday to Sunday, UTC), soonest first. */
  trialsEnding: z.object({ from: iso, to: iso, trials: z.array(endingTrial) }),
  /** Cards of tenants still billed (active, past due, trialing) that expire next calendar month, most MRR first within each currency. */
  cardsExpiring: z.object({ month, cards: z.array(expiringCard) }),
});

/** Nothing synced yet (no profile, or its billing sync has not run): the view shows its empty state. */
const billingOverviewOrNothing = z.discriminatedUnion('synced', [billingOverview, z.object({ synced: z.literal(false), asOf })]);
export type BillingOverview = z.infer<typeof billingOverview>;
export type BillingOverviewOrNothing = z.infer<typeof billingOverviewOrNothing>;

export const billingOverviewInput = z.object({ months: z.number().int().min(2).max(36).default(12) });

/** The billing view's console methods. */
export const billingMethods = {
  'billing/overview': { input: billingOverviewInput, output: billingOverviewOrNothing },
} satisfies MethodTable;
