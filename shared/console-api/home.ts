import { z } from 'zod';
import { statusLevel } from '../ops-api/status.ts';
import { connectionStatus } from '../ops-api/connectors.ts';
import { connectionLateness } from './connectors.ts';
import type { MethodTable } from './method.ts';

const count = z.number().int().min(0);
const iso = z.iso.datetime();

export const homeStatus = z.object({
  overall: statusLevel,
  components: z.array(z.object({ name: z.string(), status: statusLevel, latencyMs: count.nullable(), checkedAt: iso.nullable() })),
});
export type HomeStatus = z.infer<typeof homeStatus>;

/** A connection that needs a look: failing or disconnected now, or else late or stale with its syncs (Airbyte's lines). */
export const homeConnection = z.object({
  id: z.string(),
  connectorName: z.string(),
  tenantId: z.string(),
  tenantName: z.string().nullable(),
  status: connectionStatus,
  lateness: connectionLateness,
  lastSuccessAt: iso.nullable(),
});
export type HomeConnection = z.infer<typeof homeConnection>;

export const homePastDueTenant = z.object({ id: z.string(), name: z.string(), mrrCents: count, currency: z.string(), overdueCents: count });
export type HomePastDueTenant = z.infer<typeof homePastDueTenant>;

export const homeAuditEvent = z.object({
  seq: z.number().int().positive(),
  occurredAt: iso,
  action: z.string(),
  outcome: z.enum(['failure', 'denied']),
  actor: z.string(),
  tenantId: z.string().nullable(),
  tenantName: z.string().nullable(),
});
export type HomeAuditEvent = z.infer<typeof homeAuditEvent>;

/** The operator's morning glance, from the active profile's cache. Money is never summed across currencies. */
export const homeGlance = z.object({
  /** null: the platform's status was never synced. */
  status: homeStatus.nullable(),
  /** late: of the connections neither failing nor disconnected. */
  connections: z.object({ total: count, failing: count, disconnected: count, late: count, worst: z.array(homeConnection) }),
  billing: z.object({
    /** This month's MRR, one entry per currency. */
    mrr: z.array(z.object({ currency: z.string(), mrrCents: count, tenants: count })),
    pastDueCount: count,
    pastDue: z.array(homePastDueTenant),
  }),
  audit: z.array(homeAuditEvent),
});
export type HomeGlance = z.infer<typeof homeGlance>;

export const homeMethods = {
  'home/glance': { input: z.object({}).strict(), output: homeGlance },
} satisfies MethodTable;
