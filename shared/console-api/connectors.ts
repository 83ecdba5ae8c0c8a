import { z } from 'zod';
import { connectionStatus } from '../ops-api/connectors.ts';
import type { MethodTable } from './method.ts';
import { queueCapabilities } from './queues.ts';

const count = z.number().int().min(0);
const id = z.string().min(1).max(200);

/** The statuses worst first: the matrix's column order and its rows' sort keys. */
export const statusesWorstFirst = ['failing', 'disconnected', 'degraded', 'paused', 'healthy'] as const satisfies ReadonlyArray<z.infer<typeof connectionStatus>>;

export const connectorHealth = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  counts: z.object({ healthy: count, degraded: count, failing: count, disconnected: count, paused: count }),
  total: count,
});
export type ConnectorHealth = z.infer<typeof connectorHealth>;

/**
 * How overdue a connection's next success is (Airbyte's "late" and "error" lines): late once no
 * success came for more than one sync interval past the expected time, stale past two.
 * null: not scheduled (paused), or never synced.
 */
export const connectionLateness = z.enum(['on-time', 'late', 'stale']).nullable();
export type ConnectionLateness = z.infer<typeof connectionLateness>;

export const connectionRow = z.object({
  id: z.string(),
  connectorId: z.string(),
  connectorName: z.string(),
  tenantId: z.string(),
  /** From the cached tenants; null when that tenant is not cached. */
  tenantName: z.string().nullable(),
  status: connectionStatus,
  lateness: connectionLateness,
  lastSyncAt: z.iso.datetime().nullable(),
  lastSuccessAt: z.iso.datetime().nullable(),
  nextSyncAt: z.iso.datetime().nullable(),
  syncIntervalS: z.number().int().min(1),
  records24h: count,
  errorRate24h: z.number().min(0).max(1),
  latencyP95Ms: z.number().min(0).nullable(),
  lastError: z.object({ at: z.iso.datetime(), code: z.string(), message: z.string() }).nullable(),
});
export type ConnectionRow = z.infer<typeof connectionRow>;

export const connectionRunRow = z.object({
  id: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  status: z.enum(['running', 'succeeded', 'failed']),
  records: count,
  durationMs: count.nullable(),
  error: z.string().nullable(),
});
export type ConnectionRunRow = z.infer<typeof connectionRunRow>;

/** Failed runs per UTC day per connector; `days` and each `failures` line up, oldest first. */
export const connectorFailuresByDay = z.object({
  days: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  connectors: z.array(z.object({ id: z.string(), name: z.string(), failures: z.array(count) })),
});
export type ConnectorFailuresByDay = z.infer<typeof connectorFailuresByDay>;

export const connectionTestResult = z.object({ ok: z.boolean(), latencyMs: count, error: z.string().nullable(), testedAt: z.iso.datetime() });
export type ConnectionTestResult = z.infer<typeof connectionTestResult>;

export const connectorsMethods = {
  /** Every cached connector with its connections counted by status, worst first. */
  'connectors/matrix': { input: z.object({}).strict(), output: z.object({ connectors: z.array(connectorHealth) }) },
  /** Up to `days` days, fewer when the cached run history is shorter. */
  'connectors/failures-by-day': {
    input: z.object({ days: z.number().int().min(1).max(90).default(30) }).strict(),
    output: connectorFailuresByDay,
  },
  /** Cached connections, worst status first, filtered by connector, status and tenant. */
  'connectors/connections': {
    input: z.object({ connectorId: id.optional(), status: connectionStatus.optional(), tenantId: id.optional(), limit: z.number().int().min(1).max(5_000).default(1_000) }).strict(),
    output: z.object({ connections: z.array(connectionRow), total: count }),
  },
  /** One cached connection with its cached runs, newest first. */
  'connectors/connection': {
    input: z.object({ id }).strict(),
    output: z.object({ connection: connectionRow, runs: z.array(connectionRunRow) }),
  },
  /** Whether "Test connection" is offered (Ops API: connectors:write), in the queue actions' terms. */
  'connectors/capabilities': { input: z.object({}).strict(), output: queueCapabilities },
  /** Tests a connection on the platform now. */
  'connectors/test': { input: z.object({ id }).strict(), output: connectionTestResult },
} satisfies MethodTable;
