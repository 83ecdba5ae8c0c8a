import { z } from 'zod';
import type { AuditEvent } from './audit.ts';

/**
 * `auditEvent.safeParse(value).success` for a value JSON.parse made, checked by hand at a
 * fraction of zod's cost (an import validates a million events). It mirrors the schema in
 * audit.ts rule for rule; tests/unit/audit-event-check.test.ts fuzzes the two against each
 * other. Callers run the schema when this says no, for zod's message.
 */
export function isAuditEvent(value: unknown): value is AuditEvent {
  if (!isObject(value)) return false;
  const { id, seq, occurred_at, action, target, outcome, changes, metadata } = value;
  return (
    typeof id === 'string' &&
    id.startsWith('evt_') &&
    Number.isSafeInteger(seq) &&
    (seq as number) >= 1 &&
    typeof occurred_at === 'string' &&
    isoTimePattern.test(occurred_at) &&
    isStringOrNull(value.tenant_id) &&
    isActor(value.actor) &&
    typeof action === 'string' &&
    actionPattern.test(action) &&
    (target === null || isTarget(target)) &&
    (outcome === 'success' || outcome === 'failure' || outcome === 'denied') &&
    isStringOrNull(value.ip) &&
    isStringOrNull(value.user_agent) &&
    isStringOrNull(value.request_id) &&
    (changes === null || isChanges(changes)) &&
    isObject(metadata) &&
    isSha256Hex(value.prev_hash) &&
    isSha256Hex(value.hash)
  );
}

const isoTimePattern = z.regexes.datetime({ precision: 3 });
const actionPattern = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';
const isOptionalString = (value: unknown) => value === undefined || isStringOrNull(value);
/** /^[0-9a-f]{64}$/ by hand: the regular expression cost ~0.3 µs an event, two per event. */
function isSha256Hex(value: unknown): boolean {
  if (typeof value !== 'string' || value.length !== 64) return false;
  for (let index = 0; index < 64; index++) {
    const code = value.charCodeAt(index);
    if (!((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66))) return false;
  }
  return true;
}

function isActor(actor: unknown): boolean {
  if (!isObject(actor)) return false;
  const { type } = actor;
  return (
    (type === 'user' || type === 'api_key' || type === 'system' || type === 'support') &&
    typeof actor.id === 'string' &&
    isOptionalString(actor.email) &&
    isOptionalString(actor.name)
  );
}

function isTarget(target: unknown): boolean {
  return isObject(target) && typeof target.type === 'string' && typeof target.id === 'string' && isOptionalString(target.name);
}

/** A record of objects that have before and after (z.unknown() members must be present); like zod's records it passes over a member named __proto__. */
function isChanges(changes: unknown): boolean {
  if (!isObject(changes)) return false;
  for (const key in changes) {
    if (key === '__proto__') continue;
    const change = changes[key];
    if (!isObject(change) || !('before' in change) || !('after' in change)) return false;
  }
  return true;
}
