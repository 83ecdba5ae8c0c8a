import type { AuditEvent } from '../../../shared/ops-api/audit.ts';
import { IntegrityError } from './integrity-error.ts';

/** The newest event the cache holds: where the next page must link on. */
export interface ChainTip {
  seq: number;
  hash: string;
}

/**
 * Checks that a feed page continues the chain from `tip`: consecutive seqs, each prev_hash the
 * previous hash, each hash the event's own content (`contentHash` of its index). Returns the new tip.
 */
export function checkPageChain(tip: ChainTip, events: readonly AuditEvent[], contentHash: (index: number) => string): ChainTip {
  let current = tip;
  for (const [index, event] of events.entries()) {
    if (event.seq !== current.seq + 1) {
      throw new IntegrityError(event.seq, event.id, `follows seq ${current.seq}: the feed skipped or repeated events`);
    }
    if (event.prev_hash !== current.hash) {
      throw new IntegrityError(event.seq, event.id, `has prev_hash ${event.prev_hash.slice(0, 12)}… but seq ${current.seq} hashes to ${current.hash.slice(0, 12)}… (chain break)`);
    }
    const computed = contentHash(index);
    if (computed !== event.hash) {
      throw new IntegrityError(event.seq, event.id, `content hashes to ${computed.slice(0, 12)}… but states ${event.hash.slice(0, 12)}… (altered)`);
    }
    current = { seq: event.seq, hash: event.hash };
  }
  return current;
}
