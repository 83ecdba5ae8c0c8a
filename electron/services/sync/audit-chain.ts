import { IntegrityError } from './integrity-error.ts';

/** The newest event the cache holds: where the next page must link on. */
export interface ChainTip {
  seq: number;
  hash: string;
}

/** What an event says of its place in the chain. */
export interface ChainLink {
  seq: number;
  id: string;
  prev_hash: string;
}

/** Checks that `event` follows `tip`: the next seq, and prev_hash the tip's hash. */
export function checkLink(tip: ChainTip, event: ChainLink): void {
  if (event.seq !== tip.seq + 1) {
    throw new IntegrityError(event.seq, event.id, `follows seq ${tip.seq}: the feed skipped or repeated events`);
  }
  if (event.prev_hash !== tip.hash) {
    throw new IntegrityError(event.seq, event.id, `has prev_hash ${event.prev_hash.slice(0, 12)}… but seq ${tip.seq} hashes to ${tip.hash.slice(0, 12)}… (chain break)`);
  }
}

/**
 * Checks that events continue the chain from `tip`: each linked to the one before, each hash
 * the event's own content (`contentHash` of its index). Returns the new tip.
 */
export function checkChain(tip: ChainTip, events: ReadonlyArray<ChainLink & { hash: string }>, contentHash: (index: number) => string): ChainTip {
  let current = tip;
  for (const [index, event] of events.entries()) {
    checkLink(current, event);
    const computed = contentHash(index);
    if (computed !== event.hash) {
      throw new IntegrityError(event.seq, event.id, `content hashes to ${computed.slice(0, 12)}… but states ${event.hash.slice(0, 12)}… (altered)`);
    }
    current = { seq: event.seq, hash: event.hash };
  }
  return current;
}
