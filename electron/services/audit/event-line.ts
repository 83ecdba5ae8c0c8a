import { CanonicalJsonError } from '../../../shared/audit/canonical-json.ts';
import { eventDigest } from './event-digest.ts';

/** One line read as an audit event: what it states and what its content hashes to. */
export interface EventLine {
  ok: true;
  seq: number;
  id: string;
  prevHash: string;
  hash: string;
  /** null when the content cannot be hashed (e.g. a lone surrogate); `unhashable` says why. */
  computedHash: string | null;
  unhashable: string | null;
}

/** A line that is not an audit event; seq and id are kept when the line got that far. */
export interface UnreadableLine {
  ok: false;
  seq: number | null;
  id: string | null;
  reason: string;
}

/**
 * Parses one NDJSON line and hashes it. Only seq, id, prev_hash and hash are required: the
 * rest of the event's shape is the platform's business, and any change to it shows as a
 * hash mismatch anyway.
 */
export function readEventLine(text: string): EventLine | UnreadableLine {
  if (text.trim() === '') return unreadable('blank line');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return unreadable(`not JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return unreadable('not a JSON object');
  const event = value as Record<string, unknown>;
  const { seq, id, prev_hash: prevHash, hash } = event;
  const knownSeq = Number.isSafeInteger(seq) && (seq as number) >= 1 ? (seq as number) : null;
  const knownId = typeof id === 'string' ? id : null;
  if (knownSeq === null) return unreadable('not an audit event: seq is not a whole number >= 1', knownSeq, knownId);
  if (knownId === null) return unreadable('not an audit event: id is not a string', knownSeq, knownId);
  if (typeof prevHash !== 'string') return unreadable('not an audit event: prev_hash is not a string', knownSeq, knownId);
  if (typeof hash !== 'string') return unreadable('not an audit event: hash is not a string', knownSeq, knownId);
  try {
    return { ok: true, seq: knownSeq, id: knownId, prevHash, hash, computedHash: eventDigest(event), unhashable: null };
  } catch (error) {
    if (!(error instanceof CanonicalJsonError)) throw error;
    return { ok: true, seq: knownSeq, id: knownId, prevHash, hash, computedHash: null, unhashable: error.message };
  }
}

function unreadable(reason: string, seq: number | null = null, id: string | null = null): UnreadableLine {
  return { ok: false, seq, id, reason };
}
