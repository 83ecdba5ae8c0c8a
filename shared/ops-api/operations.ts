import type { z } from 'zod';
import { nothing, pageQuery } from './common.ts';
import {
  auditFeed,
  auditFeedQuery,
  auditHead,
  auditKeys,
  auditEvent,
  auditSearchPage,
  auditSearchQuery,
  supportAccessGrant,
  supportAccessRequest,
} from './audit.ts';
import { billingSummary, billingSummaryQuery, tenantBilling } from './billing.ts';
import { connectionPage, connectionRunPage, connectionTest, connectionsQuery, connectorList } from './connectors.ts';
import type { Scope } from './me.ts';
import { me } from './me.ts';
import { failedRetried, jobPage, jobRetried, jobsQuery, metricsQuery, queueChanged, queueList, queueMetrics } from './queues.ts';
import { platformStatus } from './status.ts';
import { tenant, tenantPage, tenantsQuery } from './tenants.ts';

/**
 * One Ops API operation: the single table the reference server routes by, the OpenAPI
 * document is generated from, and the conformance suite checks against.
 */
export interface Operation {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI style, e.g. /v1/queues/{name}/jobs. */
  path: string;
  summary: string;
  /** null: no auth at all; 'any': any valid token. */
  scope: Scope | 'any' | null;
  query: z.ZodObject;
  body?: z.ZodObject;
  status: 200 | 201 | 202 | 204;
  /** Absent for 204. */
  response?: z.ZodType;
}

export const operations = {
  getStatus: { method: 'get', path: '/v1/status', summary: 'Platform status', scope: null, query: nothing, status: 200, response: platformStatus },
  getMe: { method: 'get', path: '/v1/me', summary: 'Who the token belongs to and what it may do', scope: 'any', query: nothing, status: 200, response: me },

  listAuditEvents: { method: 'get', path: '/v1/audit-events', summary: 'Audit sync feed: events after a seq, ascending', scope: 'audit:read', query: auditFeedQuery, status: 200, response: auditFeed },
  getAuditHead: { method: 'get', path: '/v1/audit-events/head', summary: 'Seq and hash of the newest audit event', scope: 'audit:read', query: nothing, status: 200, response: auditHead },
  searchAuditEvents: { method: 'get', path: '/v1/audit-events/search', summary: 'Server-side audit search, newest first', scope: 'audit:read', query: auditSearchQuery, status: 200, response: auditSearchPage },
  getAuditEvent: { method: 'get', path: '/v1/audit-events/{id}', summary: 'One audit event', scope: 'audit:read', query: nothing, status: 200, response: auditEvent },
  listAuditKeys: { method: 'get', path: '/v1/audit-keys', summary: 'Public keys that sign audit exports', scope: 'audit:read', query: nothing, status: 200, response: auditKeys },
  createSupportAccess: { method: 'post', path: '/v1/support-access', summary: 'Record support access to a tenant', scope: 'support:write', query: nothing, body: supportAccessRequest, status: 201, response: supportAccessGrant },

  listQueues: { method: 'get', path: '/v1/queues', summary: 'Every queue with its counts now', scope: 'queues:read', query: nothing, status: 200, response: queueList },
  getQueueMetrics: { method: 'get', path: '/v1/queues/{name}/metrics', summary: 'Queue metrics history', scope: 'queues:read', query: metricsQuery, status: 200, response: queueMetrics },
  listJobs: { method: 'get', path: '/v1/queues/{name}/jobs', summary: 'Jobs of a queue, newest first', scope: 'queues:read', query: jobsQuery, status: 200, response: jobPage },
  retryJob: { method: 'post', path: '/v1/queues/{name}/jobs/{id}/retry', summary: 'Retry one failed job', scope: 'queues:write', query: nothing, status: 202, response: jobRetried },
  removeJob: { method: 'delete', path: '/v1/queues/{name}/jobs/{id}', summary: 'Remove one job', scope: 'queues:write', query: nothing, status: 204 },
  retryFailedJobs: { method: 'post', path: '/v1/queues/{name}/retry-failed', summary: 'Retry every failed job of a queue', scope: 'queues:write', query: nothing, status: 200, response: failedRetried },
  pauseQueue: { method: 'post', path: '/v1/queues/{name}/pause', summary: 'Pause a queue', scope: 'queues:write', query: nothing, status: 200, response: queueChanged },
  resumeQueue: { method: 'post', path: '/v1/queues/{name}/resume', summary: 'Resume a queue', scope: 'queues:write', query: nothing, status: 200, response: queueChanged },

  listTenants: { method: 'get', path: '/v1/tenants', summary: 'Tenants, by name', scope: 'tenants:read', query: tenantsQuery, status: 200, response: tenantPage },
  getTenant: { method: 'get', path: '/v1/tenants/{id}', summary: 'One tenant with its usage', scope: 'tenants:read', query: nothing, status: 200, response: tenant },
  getTenantBilling: { method: 'get', path: '/v1/tenants/{id}/billing', summary: 'Subscription, invoices and MRR history of a tenant', scope: 'billing:read', query: nothing, status: 200, response: tenantBilling },
  getBillingSummary: { method: 'get', path: '/v1/billing/summary', summary: 'MRR and its movements by month', scope: 'billing:read', query: billingSummaryQuery, status: 200, response: billingSummary },

  listConnectors: { method: 'get', path: '/v1/connectors', summary: 'Connectors with connection counts by status', scope: 'connectors:read', query: nothing, status: 200, response: connectorList },
  listConnections: { method: 'get', path: '/v1/connections', summary: 'Connections across tenants', scope: 'connectors:read', query: connectionsQuery, status: 200, response: connectionPage },
  listConnectionRuns: { method: 'get', path: '/v1/connections/{id}/runs', summary: 'Sync runs of a connection, newest first', scope: 'connectors:read', query: pageQuery, status: 200, response: connectionRunPage },
  testConnection: { method: 'post', path: '/v1/connections/{id}/test', summary: 'Test a connection now', scope: 'connectors:write', query: nothing, status: 200, response: connectionTest },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
