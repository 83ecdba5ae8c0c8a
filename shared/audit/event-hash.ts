import { canonicalJson } from './canonical-json.ts';

/** `prev_hash` of the event with seq 1. */
export const genesisPrevHash = '0'.repeat(64);

/**
 * The text whose UTF-8 SHA-256 is an audit event's `hash`: the JCS of the event without its
 * `hash` member. Every other member is kept, unknown ones included, since they are part of
 * what the platform signed off on.
 */
export function eventHashInput(event: Record<string, unknown>): string {
  const { hash: _hash, ...hashed } = event;
  return canonicalJson(hashed);
}
