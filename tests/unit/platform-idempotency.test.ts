import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PlatformDb } from '../../platform/db/schema.ts';
import { openPlatformDb } from '../../platform/db/schema.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { IdempotencyStore } from '../../platform/idempotency.ts';

let db: PlatformDb;
let now: number;
let store: IdempotencyStore;
beforeEach(() => {
  db = openPlatformDb(':memory:').db;
  now = Date.parse('2026-11-20T12:00:00.000Z');
  store = new IdempotencyStore(db, () => now);
});
afterEach(() => db.close());

const request = 'POST /v1/queues/q/pause null';

it('replays the first response to a key for 24 hours, per subject', () => {
  expect(store.replay('alice', 'k1', request)).toBeNull();
  store.remember('alice', 'k1', request, { status: 200, body: '{"queue":1}' });
  now += 23 * 3_600_000;
  expect(store.replay('alice', 'k1', request)).toEqual({ status: 200, body: '{"queue":1}' });
  expect(store.replay('bob', 'k1', request)).toBeNull();
  now += 2 * 3_600_000;
  expect(store.replay('alice', 'k1', request)).toBeNull();
});

it('refuses a key reused for a different request with a 409 naming the key', () => {
  store.remember('alice', 'k2', request, { status: 200, body: null });
  const reuse = () => store.replay('alice', 'k2', 'POST /v1/queues/q/resume null');
  expect(reuse).toThrow(ProblemError);
  expect(reuse).toThrow(/409 Conflict: Idempotency-Key 'k2' was already used/);
});
