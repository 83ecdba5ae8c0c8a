import { CheckSkipped, expectStatus } from './check.ts';
import type { Request } from './client.ts';

/** The `id` (or `name`) of the first item a list returns, to address one resource. */
export async function firstKey(request: Request, path: string, key: 'id' | 'name' = 'id'): Promise<string> {
  const exchange = await request('GET', path);
  expectStatus(exchange, 200);
  const first = (exchange.json as { data?: Array<Record<string, unknown>> }).data?.[0];
  if (first === undefined || typeof first[key] !== 'string') throw new CheckSkipped(`${path} returned no items to test with`);
  return first[key] as string;
}

export const sample = {
  tenant: (request: Request) => firstKey(request, '/v1/tenants?limit=1'),
  queue: (request: Request) => firstKey(request, '/v1/queues', 'name'),
  connection: (request: Request) => firstKey(request, '/v1/connections?limit=1'),
  auditEvent: (request: Request) => firstKey(request, '/v1/audit-events?limit=1'),
};

export const enc = encodeURIComponent;
