import { randomUUID } from 'node:crypto';
import { auditEvent, queueChanged, supportAccessGrant } from '../../../shared/ops-api/index.ts';
import type { Check, ConformanceContext } from '../check.ts';
import { CheckSkipped, expect, expectShape, expectStatus } from '../check.ts';
import type { RequestOptions } from '../client.ts';
import { enc, sample } from '../samples.ts';
import { expectProblem } from './errors.ts';

/** Requests with the write token, or a skip when none was given. */
function writer({ request, writeToken }: ConformanceContext) {
  if (writeToken === null) throw new CheckSkipped('no --write-token given');
  return (method: string, path: string, options: RequestOptions = {}) => request(method, path, { ...options, token: writeToken });
}

export const mutationChecks: Check[] = [
  {
    name: 'idempotency: the same Idempotency-Key returns the first result and records one event',
    async run(context) {
      const write = writer(context);
      const tenantId = await sample.tenant(context.request);
      const options = { body: { tenant_id: tenantId, reason: 'Opsdeck conformance check: idempotency' }, headers: { 'Idempotency-Key': `conformance-${randomUUID()}` } };
      const first = await write('POST', '/v1/support-access', options);
      expectStatus(first, 201);
      const grant = expectShape(first, supportAccessGrant);
      expect(grant.event.action === 'support.access' && grant.event.tenant_id === tenantId, `the support.access event does not record tenant ${tenantId}`);
      const again = await write('POST', '/v1/support-access', options);
      expectStatus(again, 201);
      expect(expectShape(again, supportAccessGrant).event.id === grant.event.id, 'a repeated Idempotency-Key created a second event instead of returning the first');
      const stored = await context.request('GET', `/v1/audit-events/${enc(grant.event.id)}`);
      expectStatus(stored, 200);
      expect(expectShape(stored, auditEvent).hash === grant.event.hash, 'the event served later differs from the one returned at creation');
      const fresh = await write('POST', '/v1/support-access', { ...options, headers: { 'Idempotency-Key': `conformance-${randomUUID()}` } });
      expect(expectShape(fresh, supportAccessGrant).event.id !== grant.event.id, 'a new Idempotency-Key returned the old event');
    },
  },
  {
    name: 'mutations: an invalid body is a 422 problem',
    async run(context) {
      expectProblem(await writer(context)('POST', '/v1/support-access', { body: { tenant_id: 42 } }), 422);
    },
  },
  {
    name: 'mutations: retrying a job that does not exist is a 404 problem',
    async run(context) {
      const queue = await sample.queue(context.request);
      expectProblem(await writer(context)('POST', `/v1/queues/${enc(queue)}/jobs/conformance-no-such-job/retry`), 404);
    },
  },
  {
    name: 'mutations: pause then resume a queue round-trips',
    async run(context) {
      const write = writer(context);
      const queue = await sample.queue(context.request);
      const paused = expectShape(await write('POST', `/v1/queues/${enc(queue)}/pause`), queueChanged);
      const resumed = expectShape(await write('POST', `/v1/queues/${enc(queue)}/resume`), queueChanged);
      expect(paused.queue.paused && !resumed.queue.paused, `pause/resume of ${queue} reported paused=${paused.queue.paused} then ${resumed.queue.paused}`);
    },
  },
];
