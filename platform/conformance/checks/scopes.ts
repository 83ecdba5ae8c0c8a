import type { OperationId, Scope } from '../../../shared/ops-api/index.ts';
import { allScopes, me as meSchema, operations } from '../../../shared/ops-api/index.ts';
import type { Check } from '../check.ts';
import { CheckSkipped, expect, expectShape } from '../check.ts';
import { enc, sample } from '../samples.ts';
import { expectProblem } from './errors.ts';
import type { Request } from '../client.ts';

/** For each scope, one request that needs it; mutations aim at resources that do not exist, so a wrongly allowed request changes nothing. */
const probes: Record<Scope, [OperationId, (request: Request) => Promise<string>]> = {
  'audit:read': ['getAuditHead', async () => '/v1/audit-events/head'],
  'queues:read': ['listQueues', async () => '/v1/queues'],
  'queues:write': ['retryJob', async (request) => `/v1/queues/${enc(await sample.queue(request))}/jobs/conformance-no-such-job/retry`],
  'tenants:read': ['listTenants', async () => '/v1/tenants?limit=1'],
  'billing:read': ['getBillingSummary', async () => '/v1/billing/summary'],
  'connectors:read': ['listConnectors', async () => '/v1/connectors'],
  'connectors:write': ['testConnection', async () => '/v1/connections/con_conformance_no_such/test'],
  'support:write': ['createSupportAccess', async () => '/v1/support-access'],
};

export const scopeChecks: Check[] = [
  {
    name: 'scopes: /v1/me lists only known scopes',
    async run({ request }) {
      expectShape(await request('GET', '/v1/me'), meSchema);
    },
  },
  {
    name: 'scopes: every scope the token lacks is a 403 problem naming that scope',
    async run({ request, me }) {
      const missing = allScopes.filter((scope) => !me.scopes.includes(scope));
      if (missing.length === 0) throw new CheckSkipped('the token has every scope; pass a read-only --token (and a --write-token) to check enforcement');
      for (const scope of missing) {
        const [id, pathOf] = probes[scope];
        const operation = operations[id];
        const body = id === 'createSupportAccess' ? { tenant_id: 'ten_conformance_no_such', reason: 'conformance scope check' } : undefined;
        const detail = expectProblem(await request(operation.method.toUpperCase(), await pathOf(request), { body }), 403);
        expect(detail.includes(scope), `403 for ${operation.method.toUpperCase()} ${operation.path} should name the missing scope '${scope}': "${detail}"`);
      }
    },
  },
];
