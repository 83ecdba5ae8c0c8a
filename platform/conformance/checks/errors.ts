import { problem } from '../../../shared/ops-api/index.ts';
import type { Check } from '../check.ts';
import { expect, expectShape, expectStatus } from '../check.ts';
import type { Exchange, RequestOptions } from '../client.ts';
import type { ConformanceContext } from '../check.ts';

/** A problem+json response with the expected status, whose `status` member agrees. */
export function expectProblem(exchange: Exchange, status: number): string {
  expectStatus(exchange, status);
  expect(exchange.contentType.startsWith('application/problem+json'), `${exchange.method} ${exchange.path}: an error must be application/problem+json, got '${exchange.contentType}'`);
  const body = expectShape(exchange, problem);
  expect(body.status === status, `${exchange.method} ${exchange.path}: problem status ${body.status} differs from HTTP ${status}`);
  return body.detail;
}

const cases: Array<[name: string, status: number, method: string, path: (context: ConformanceContext) => string, options?: RequestOptions]> = [
  ['no token on /v1/me', 401, 'GET', () => '/v1/me', { token: null }],
  ['an unknown token', 401, 'GET', () => '/v1/audit-events/head', { token: 'opsdeck-conformance-not-a-token' }],
  ['an unknown tenant', 404, 'GET', () => '/v1/tenants/ten_does_not_exist_0000', {}],
  ['an unknown audit event', 404, 'GET', () => '/v1/audit-events/evt_does_not_exist_0000', {}],
  ['an unknown queue', 404, 'GET', () => '/v1/queues/no-such-queue-0000/jobs', {}],
  ['limit=0', 422, 'GET', () => '/v1/tenants?limit=0', {}],
  ['limit=1001', 422, 'GET', () => '/v1/audit-events?limit=1001', {}],
  ['a non-numeric after_seq', 422, 'GET', () => '/v1/audit-events?after_seq=abc', {}],
  ['an unknown status filter', 422, 'GET', () => '/v1/tenants?status=sleeping', {}],
];

export const errorChecks: Check[] = cases.map(([name, status, method, path, options]) => ({
  name: `errors: ${name} is a ${status} problem+json`,
  async run(context) {
    expectProblem(await context.request(method, path(context), options), status);
  },
}));
