import { IntegrityError } from './integrity-error.ts';

/** The newest event the cache holds: where the next page must link on. */
export interface ChainTip {
  seq: number;
  /** null before the first event, where only the genesis hash is known. */
  id: string | null;
  hash: string;
}

/** What an event says of its place in the chain. */
export interface ChainLink {
  seq: number;
  id: string;
  prev_hash: string;
}

/** Why `event` does not follow `tip` (the next seq, and prev_hash the tip's hash); null when it does. */
export function linkBreak(tip: ChainTip, event: ChainLink): IntegrityError | null {
  if (event.seq !== tip.seq + 1) {
    return new IntegrityError(event.seq, event.id, `follows seq ${tip.seq}: the feed skipped or repeated events`);
  }
  if (event.prev_hash !== tip.hash) {
    return new IntegrityError(event.seq, event.id, `has prev_hash ${event.prev_hash.slice(0, 12)}… but seq ${tip.seq} hashes to ${tip.hash.slice(0, 12)}… (chain break)`);
  }
  return null;
}

/**
 * Why `copy`, the feed's second copy of the event at `tip`, is not that event; null when it is.
 * The hash covers every member, seq and prev_hash included, so by the chain an equal one also
 * vouches for every repeated event before it.
 */
export function repeatBreak(tip: ChainTip, copy: ChainTip & { id: string }): IntegrityError | null {
  if (copy.hash === tip.hash) return null;
  return new IntegrityError(
    copy.seq,
    copy.id,
    `was received before as ${tip.id} with hash ${tip.hash.slice(0, 12)}…, and comes again with hash ${copy.hash.slice(0, 12)}… (a repeat that differs)`,
  );
}

/** How far a run of events continues the chain: the tip after the last event that holds, and the first problem. */
export interface ChainRun {
  tip: ChainTip;
  /** How many events, from the first, hold. */
  length: number;
  broken: IntegrityError | null;
}

/**
 * Checks that events continue the chain from `tip`: each linked to the one before, each hash
 * the event's own content (`contentHash` of its index). Stops at the first that does not.
 */
export function checkChain(tip: ChainTip, events: ReadonlyArray<ChainLink & { hash: string }>, contentHash: (index: number) => string): ChainRun {
  let current = tip;
  for (const [index, event] of events.entries()) {
    const broken = linkBreak(current, event) ?? alteredBreak(event, contentHash(index));
    if (broken !== null) return { tip: current, length: index, broken };
    current = { seq: event.seq, id: event.id, hash: event.hash };
  }
  return { tip: current, length: events.length, broken: null };
}

function alteredBreak(event: ChainLink & { hash: string }, computed: string): IntegrityError | null {
  return computed === event.hash ? null : new IntegrityError(event.seq, event.id, `content hashes to ${computed.slice(0, 12)}… but states ${event.hash.slice(0, 12)}… (altered)`);
}
