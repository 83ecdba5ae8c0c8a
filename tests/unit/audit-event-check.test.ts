import { describe, expect, it } from 'vitest';
import { Random } from '../../platform/demo-data/random.ts';
import { auditEvent } from '../../shared/ops-api/audit.ts';
import { isAuditEvent } from '../../shared/ops-api/audit-event-check.ts';
import { makeChain } from '../fixtures/audit-chain.ts';

const hex64 = 'ab'.repeat(32);
/** Written into the JSON text as the bare token 1e400, which JSON.parse reads as Infinity. */
const infinity = '@infinity@';

const anyValue = [undefined, null, true, false, 0, 1, -1, 1.5, '', 'x', [], [1], {}, { a: 1 }];
const optionalString = [undefined, null, 'ana@example.com', '', 1, false, {}];
const slotValues: Record<string, unknown[]> = {
  id: ['evt_', 'evt_1', 'evt', 'EVT_1', ' evt_1', 'evt_ü'],
  seq: [1, 2, 2 ** 53 - 1, 2 ** 53, 0, -5, 1.0000001, 1e21, '1', infinity],
  occurred_at: [
    '2026-01-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '2000-02-29T12:00:00.000Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.00Z',
    '2026-01-01T00:00:00.0000Z', '2026-02-29T00:00:00.000Z', '1900-02-29T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-01-01T00:60:00.000Z',
    '2026-01-01T00:00:00.000+00:00', '2026-01-01t00:00:00.000z', '2026-01-01T00:00:00.000Z\n', '2026-13-01T00:00:00.000Z', '2026-04-31T00:00:00.000Z',
    '2026-01-01 00:00:00.000Z', '+02026-01-01T00:00:00.000Z', 1_767_225_600_000,
  ],
  tenant_id: ['ten_1', ''],
  'actor.type': ['user', 'api_key', 'system', 'support', 'User', 'admin', ''],
  'actor.id': ['usr_1', ''],
  'actor.email': optionalString,
  'actor.name': optionalString,
  action: ['a.b', 'a.b.c', 'a_1.b_2', '0.9', 'a', 'a.', '.a', 'A.b', 'a..b', 'a.b\n', 'a-b.c', 'é.b', 'a.b '],
  target: [null, { type: 'invoice', id: 'inv_1' }, { type: 'a', id: 'b', name: null, extra: [1] }, { type: 1, id: 'b' }, { id: 'b' }],
  'target.type': ['invoice', ''],
  'target.id': ['inv_1', ''],
  'target.name': optionalString,
  outcome: ['success', 'failure', 'denied', 'Success', 'ok', ''],
  ip: ['203.0.113.9', ''],
  user_agent: ['curl/8', ''],
  request_id: ['req_1', ''],
  changes: [null, {}, { a: {} }, { a: { before: 1 } }, { a: { before: 1, after: null } }, { a: null }, { a: [] }, { a: 1 }, { a: {}, b: 'x' }, withProto({}, 1), withProto({ a: {} }, {})],
  'changes.plan': [{}, { before: null, after: [1] }, { before: 1 }, { after: 1 }, null, [], 'x'],
  'changes.plan.before': anyValue,
  'changes.plan.after': anyValue,
  metadata: [{}, { a: null, b: [1] }, withProto({}, 5), []],
  'metadata.via': anyValue,
  prev_hash: [hex64, hex64.slice(1), `${hex64}a`, hex64.toUpperCase(), `${hex64.slice(1)}g`, `${hex64}\n`],
  hash: [hex64, `${hex64.slice(1)}0`, hex64.replace('a', 'A')],
};
const extraSlots = ['extra', 'actor.extra', 'target.extra', 'changes.plan.extra'];
const slots = [...Object.keys(slotValues), ...extraSlots];

/** An object with an own enumerable member named __proto__, as JSON.parse makes from {"__proto__": ...}. */
function withProto(object: Record<string, unknown>, value: unknown): Record<string, unknown> {
  return Object.defineProperty(object, '__proto__', { value, enumerable: true, writable: true, configurable: true });
}

/** Sets (or with undefined deletes) the member at a dotted path, if its parent is an object. */
function mutate(event: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let parent: unknown = event;
  for (const key of keys.slice(0, -1)) parent = (parent as Record<string, unknown> | null)?.[key];
  if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return;
  const last = keys.at(-1)!;
  if (value === undefined) delete (parent as Record<string, unknown>)[last];
  else (parent as Record<string, unknown>)[last] = structuredClone(value);
}

/** The value as an import sees it: its JSON text read back. */
const parsedJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replaceAll(`"${infinity}"`, '1e400'));

describe('isAuditEvent', () => {
  it('accepts every event of a realistic chain, as the schema does', () => {
    for (const event of makeChain(60)) {
      expect(auditEvent.safeParse(event).success).toBe(true);
      expect(isAuditEvent(parsedJson(event))).toBe(true);
    }
  });

  it('agrees with the schema on thousands of mutated events (wrong types, missing members, nulls, extras, bad times, actions, hashes)', () => {
    const random = new Random(20_261_123);
    const chain = makeChain(40);
    const verdicts = { accepted: 0, rejected: 0 };
    for (let round = 0; round < 5000; round++) {
      const event = structuredClone(random.pick(chain)) as Record<string, unknown>;
      for (let mutations = random.int(1, 3); mutations > 0; mutations--) {
        const slot = random.pick(slots);
        const pool = slotValues[slot] ?? [];
        mutate(event, slot, random.chance(0.7) && pool.length > 0 ? random.pick(pool) : random.pick(anyValue));
      }
      const value = parsedJson(event);
      const expected = auditEvent.safeParse(value).success;
      if (isAuditEvent(value) !== expected) expect.fail(`isAuditEvent disagrees with the schema (${expected}) on ${JSON.stringify(value)}`);
      verdicts[expected ? 'accepted' : 'rejected']++;
    }
    expect(verdicts.accepted).toBeGreaterThan(500);
    expect(verdicts.rejected).toBeGreaterThan(500);
  });

  it.each([null, 'evt', 1, [], [{}]])('refuses %j, which is no event at all', (value) => {
    expect(isAuditEvent(value)).toBe(false);
  });
});
