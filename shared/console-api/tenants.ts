import { z } from 'zod';
import { connectionStatus } from '../ops-api/connectors.ts';
import { invoiceStatus, subscriptionStatus } from '../ops-api/billing.ts';
import { tenantStatus } from '../ops-api/tenants.ts';
import type { MethodTable } from './method.ts';

const count = z.number().int().min(0);
const iso = z.iso.datetime();
const tenantId = z.string().min(1).max(200);

/** One tenant as the directory lists it. */
export const tenantListRow = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  status: tenantStatus,
  planId: z.string(),
  planName: z.string(),
  region: z.string(),
  ownerEmail: z.string(),
  seatsUsed: count,
  seatsLimit: count,
  mrrCents: count,
  currency: z.string(),
  createdAt: iso,
});
export type TenantListRow = z.infer<typeof tenantListRow>;

export const tenantSort = z.enum(['name', 'mrr', 'seats', 'created']);
export type TenantSort = z.infer<typeof tenantSort>;

export const tenantDirectoryInput = z
  .object({
    /** Part of a name, slug, id or owner e-mail, any case. */
    q: z.string().max(200).default(''),
    plan: z.string().max(200).optional(),
    status: tenantStatus.optional(),
    region: z.string().max(200).optional(),
    sort: tenantSort.default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
    offset: count.default(0),
    limit: z.number().int().min(1).max(1_000).default(300),
  })
  .strict();
export type TenantDirectoryInput = z.input<typeof tenantDirectoryInput>;

const choice = z.object({ value: z.string(), label: z.string(), count });

/** What the directory's filters offer: every plan, status and region cached, with its tenants. */
export const tenantFilterChoices = z.object({ plans: z.array(choice), statuses: z.array(choice), regions: z.array(choice), total: count });
export type TenantFilterChoices = z.infer<typeof tenantFilterChoices>;

export const tenantUsageRow = z.object({ metric: z.string(), used: z.number(), limit: z.number().nullable(), periodEnd: iso });
export type TenantUsageRow = z.infer<typeof tenantUsageRow>;

/** When a card stops working: `soon` is within 30 days of the main side's clock. */
export const cardExpiry = z.enum(['ok', 'soon', 'expired']);
export type CardExpiry = z.infer<typeof cardExpiry>;

export const tenantInvoice = z.object({
  id: z.string(),
  number: z.string(),
  status: invoiceStatus,
  /** Open with its due date passed. */
  pastDue: z.boolean(),
  amountDueCents: count,
  amountPaidCents: count,
  currency: z.string(),
  createdAt: iso,
  dueAt: iso.nullable(),
  paidAt: iso.nullable(),
});
export type TenantInvoice = z.infer<typeof tenantInvoice>;

export const tenantBillingView = z.object({
  fetchedAt: iso,
  subscription: z
    .object({
      status: subscriptionStatus,
      planName: z.string(),
      interval: z.enum(['month', 'year']),
      currentPeriodStart: iso,
      currentPeriodEnd: iso,
      cancelAt: iso.nullable(),
      trialEnd: iso.nullable(),
    })
    .nullable(),
  paymentMethod: z.object({ brand: z.string(), last4: z.string(), expMonth: z.number().int(), expYear: z.number().int(), expiry: cardExpiry }).nullable(),
  /** Past due first, then open, then the rest; newest first within each. */
  invoices: z.array(tenantInvoice),
  upcomingInvoice: z.object({ amountDueCents: count, at: iso }).nullable(),
  mrrHistory: z.array(z.object({ month: z.string(), mrrCents: count })),
});
export type TenantBillingView = z.infer<typeof tenantBillingView>;

export const tenantAuditEvent = z.object({
  seq: z.number().int(),
  occurredAt: iso,
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
});
export type TenantAuditEvent = z.infer<typeof tenantAuditEvent>;

export const tenantConnection = z.object({
  id: z.string(),
  connectorId: z.string(),
  connectorName: z.string(),
  status: connectionStatus,
  lastSyncAt: iso.nullable(),
  lastSuccessAt: iso.nullable(),
  errorRate24h: z.number(),
  lastError: z.string().nullable(),
});
export type TenantConnection = z.infer<typeof tenantConnection>;

export const tenantFailedJob = z.object({ queue: z.string(), id: z.string(), name: z.string(), reason: z.string().nullable(), attemptsMade: count, finishedAt: iso.nullable() });
export type TenantFailedJob = z.infer<typeof tenantFailedJob>;

/** Everything cached about one tenant, for its page. */
export const tenantOverview = z.object({
  tenant: tenantListRow.extend({ usage: z.array(tenantUsageRow).nullable() }),
  /** null: billing not synced for this tenant (yet, or the token lacks billing:read). */
  billing: tenantBillingView.nullable(),
  /** The newest cached events, up to 50, and how many the cache holds. */
  audit: z.object({ events: z.array(tenantAuditEvent), total: count }),
  connections: z.array(tenantConnection),
  /** The newest failed jobs across queues, up to 50, and how many are cached. */
  failedJobs: z.object({ jobs: z.array(tenantFailedJob), total: count }),
});
export type TenantOverview = z.infer<typeof tenantOverview>;

/** The tenants view's console methods. */
export const tenantsMethods = {
  'tenants/directory': {
    input: tenantDirectoryInput,
    output: z.object({ rows: z.array(tenantListRow), total: count }),
  },
  'tenants/filters': { input: z.object({}).strict(), output: tenantFilterChoices },
  /** null: no such tenant in the cache. */
  'tenants/overview': { input: z.object({ id: tenantId }).strict(), output: tenantOverview.nullable() },
} satisfies MethodTable;
