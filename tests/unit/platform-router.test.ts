import { expect, it } from 'vitest';
import { createRouter } from '../../platform/http/router.ts';
import { operations } from '../../shared/ops-api/index.ts';

const match = createRouter(operations);

it('prefers literal segments over parameters', () => {
  expect(match('GET', '/v1/audit-events/head')).toEqual({ kind: 'found', id: 'getAuditHead', params: {} });
  expect(match('GET', '/v1/audit-events/evt_1')).toEqual({ kind: 'found', id: 'getAuditEvent', params: { id: 'evt_1' } });
});

it('decodes parameters, including queue names with a colon', () => {
  expect(match('POST', '/v1/queues/email-sending%3Ahigh/jobs/42/retry')).toEqual({ kind: 'found', id: 'retryJob', params: { name: 'email-sending:high', id: '42' } });
  expect(match('GET', '/v1/queues/email-sending:low/metrics')).toMatchObject({ id: 'getQueueMetrics', params: { name: 'email-sending:low' } });
});

it('tells a wrong method from a missing path', () => {
  expect(match('PUT', '/v1/queues/q/jobs/1')).toEqual({ kind: 'wrong-method', allowed: ['DELETE'] });
  expect(match('GET', '/v1/queues/q/jobs/1/extra')).toEqual({ kind: 'none' });
  expect(match('GET', '/v2/status')).toEqual({ kind: 'none' });
});
