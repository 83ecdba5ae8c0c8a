import { afterAll, beforeAll, expect, it } from 'vitest';
import { problem } from '../../shared/ops-api/index.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { startTestPlatform } from '../fixtures/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 4, events: 200, rateLimit: { perSecond: 0.5, burst: 3 } });
});
afterAll(() => platform.stop());

it('answers 429 with Retry-After once a token spends its burst, and counts per token', async () => {
  const statuses = [];
  for (let index = 0; index < 4; index++) statuses.push((await platform.get('/v1/me')).status);
  expect(statuses).toEqual([200, 200, 200, 429]);
  const limited = await platform.get('/v1/queues');
  expect(limited.status).toBe(429);
  expect(limited.headers.get('content-type')).toBe('application/problem+json');
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(problem.parse(await limited.json()).status).toBe(429);
  expect((await platform.get('/v1/me', platform.tokens.readOnly)).status).toBe(200);
  expect((await platform.get('/v1/status', null)).status).toBe(200);
});
