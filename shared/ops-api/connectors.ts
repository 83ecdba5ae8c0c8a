import { z } from 'zod';
import { isoTime, listOf, pageQuery } from './common.ts';

export const connectionStatus = z.enum(['healthy', 'degraded', 'failing', 'disconnected', 'paused']);
export type ConnectionStatus = z.infer<typeof connectionStatus>;

export const connector = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  connections: z.object({
    total: z.number().int().min(0),
    healthy: z.number().int().min(0),
    degraded: z.number().int().min(0),
    failing: z.number().int().min(0),
    disconnected: z.number().int().min(0),
    paused: z.number().int().min(0),
  }),
});
export type Connector = z.infer<typeof connector>;
export const connectorList = z.object({ data: z.array(connector) }).meta({ id: 'ConnectorList' });

export const connectionError = z.object({ at: isoTime, code: z.string(), message: z.string() });

export const connection = z
  .object({
    id: z.string(),
    connector_id: z.string(),
    tenant_id: z.string(),
    status: connectionStatus,
    last_sync_at: isoTime.nullable(),
    last_success_at: isoTime.nullable(),
    next_sync_at: isoTime.nullable(),
    sync_interval_s: z.number().int().min(1),
    records_synced_24h: z.number().int().min(0),
    error_rate_24h: z.number().min(0).max(1),
    latency_ms_p95: z.number().min(0).nullable(),
    last_error: connectionError.nullable(),
  })
  .meta({ id: 'Connection' });
export type Connection = z.infer<typeof connection>;
export const connectionPage = listOf(connection).meta({ id: 'ConnectionPage' });

export const connectionsQuery = pageQuery.extend({
  connector_id: z.string().min(1).optional(),
  tenant_id: z.string().min(1).optional(),
  status: connectionStatus.optional(),
});

export const connectionRun = z
  .object({
    id: z.string(),
    started_at: isoTime,
    finished_at: isoTime.nullable(),
    status: z.enum(['running', 'succeeded', 'failed']),
    records: z.number().int().min(0),
    duration_ms: z.number().int().min(0).nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'ConnectionRun' });
export type ConnectionRun = z.infer<typeof connectionRun>;
export const connectionRunPage = listOf(connectionRun).meta({ id: 'ConnectionRunPage' });

export const connectionTest = z
  .object({ ok: z.boolean(), latency_ms: z.number().int().min(0), error: z.string().nullable() })
  .meta({ id: 'ConnectionTestResult' });
export type ConnectionTest = z.infer<typeof connectionTest>;
