import type { Operation, OperationId, Scope } from '../../../shared/ops-api/index.ts';
import { operations, tenant } from '../../../shared/ops-api/index.ts';
import type { Check } from '../check.ts';
import { CheckSkipped, expectShape, expectStatus } from '../check.ts';
import type { Request } from '../client.ts';
import { enc, sample } from '../samples.ts';

/** Every read operation and how to address it on this server. */
const reads: Array<[OperationId, (request: Request) => Promise<string>]> = [
  ['getStatus', async () => '/v1/status'],
  ['getMe', async () => '/v1/me'],
  ['listAuditEvents', async () => '/v1/audit-events?limit=50'],
  ['getAuditHead', async () => '/v1/audit-events/head'],
  ['searchAuditEvents', async () => '/v1/audit-events/search?limit=50'],
  ['getAuditEvent', async (request) => `/v1/audit-events/${enc(await sample.auditEvent(request))}`],
  ['listAuditKeys', async () => '/v1/audit-keys'],
  ['listQueues', async () => '/v1/queues'],
  ['getQueueMetrics', async (request) => `/v1/queues/${enc(await sample.queue(request))}/metrics?step_s=3600`],
  ['listJobs', async (request) => `/v1/queues/${enc(await sample.queue(request))}/jobs?limit=50`],
  ['listTenants', async () => '/v1/tenants?limit=50'],
  ['getTenant', async (request) => `/v1/tenants/${enc(await sample.tenant(request))}`],
  ['getTenantBilling', async (request) => `/v1/tenants/${enc(await sample.tenant(request))}/billing`],
  ['getBillingSummary', async () => '/v1/billing/summary'],
  ['listConnectors', async () => '/v1/connectors'],
  ['listConnections', async () => '/v1/connections?limit=50'],
  ['listConnectionRuns', async (request) => `/v1/connections/${enc(await sample.connection(request))}/runs?limit=50`],
];

/** One check per read endpoint: 200 and a body that matches the zod schema. */
export const shapeChecks: Check[] = reads.map(([id, pathOf]) => {
  const operation: Operation = operations[id];
  return {
    name: `shape: ${operation.method.toUpperCase()} ${operation.path}`,
    async run({ request, me }) {
      const scope = operation.scope;
      if (scope !== null && scope !== 'any' && !me.scopes.includes(scope as Scope)) throw new CheckSkipped(`the token lacks ${scope}`);
      const exchange = await request('GET', await pathOf(request), scope === null ? { token: null } : {});
      expectStatus(exchange, 200);
      if (operation.response) expectShape(exchange, operation.response);
      if (id === 'getTenant') expectShape(exchange, tenant.required({ usage: true }));
    },
  };
});
