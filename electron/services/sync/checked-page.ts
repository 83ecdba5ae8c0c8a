import { AuditRowPacker } from '../cache/packed-audit-rows.ts';
import type { PackedRows } from '../cache/packed-rows.ts';
import { fromWire, toWire } from '../workers/rpc/wire-error.ts';
import type { WireError } from '../workers/rpc/wire-error.ts';
import { checkChain, linkBreak, repeatBreak } from './audit-chain.ts';
import type { ChainLink, ChainTip } from './audit-chain.ts';
import { computedHash } from './read-feed-page.ts';
import type { FeedPage } from './read-feed-page.ts';

/**
 * A feed page checked within itself (each event linked to the one before it, each hash its
 * content) and its new events packed as audit_events rows. How it joins the chain before it is
 * checked by whoever has that chain's tip (linkPage), which may be another thread.
 */
export interface CheckedPage {
  /** The events after the seq asked after, up to the first break. */
  rows: PackedRows;
  /** The first event's place in the chain, for a page that starts after the seq asked after. */
  first: ChainLink | null;
  /** The page's copy of the event asked after, for a page that starts at or before it (and holds up to it). */
  repeat: (ChainTip & { id: string }) | null;
  /** The tip after the rows; null when there are none. */
  last: ChainTip | null;
  hasMore: boolean;
  /** The first problem within the page, thrown once the rows before it are taken. */
  broken: WireError | null;
}

export function checkFeedPage(page: FeedPage): CheckedPage {
  const { events, afterSeq, hasMore } = page;
  const first = events[0];
  if (first === undefined) return { rows: noRows(), first: null, repeat: null, last: null, hasMore, broken: null };
  const run = checkChain({ seq: first.seq - 1, id: null, hash: first.prev_hash }, events, (index) => computedHash(page, index));
  // The run's seqs are consecutive: a page that starts at or before the seq asked after holds its copy here.
  const repeatAt = afterSeq - first.seq;
  const repeated = repeatAt >= 0 && repeatAt < run.length ? events[repeatAt]! : null;
  const firstNew = Math.max(repeatAt + 1, 0);
  const rows = new AuditRowPacker();
  for (let index = firstNew; index < run.length; index++) rows.add(events[index]!, page.bounds[2 * index]!, page.bounds[2 * index + 1]!);
  return {
    rows: run.length > firstNew ? rows.pack(page.bytes) : noRows(),
    first: repeatAt < 0 ? { seq: first.seq, id: first.id, prev_hash: first.prev_hash } : null,
    repeat: repeated && { seq: repeated.seq, id: repeated.id, hash: repeated.hash },
    last: run.length > firstNew ? run.tip : null,
    hasMore,
    broken: run.broken && toWire(run.broken),
  };
}

function noRows(): PackedRows {
  return new AuditRowPacker().pack(new Uint8Array(0));
}

/**
 * Links a checked page to `tip` and yields its rows; returns the new tip. The first problem
 * throws: the page's joint to the tip, else a break inside it once the rows before it are taken.
 */
export function* linkPage(tip: ChainTip, page: CheckedPage): Generator<PackedRows, ChainTip> {
  const joint = page.repeat ? repeatBreak(tip, page.repeat) : page.first && linkBreak(tip, page.first);
  if (joint) throw joint;
  yield page.rows;
  if (page.broken) throw fromWire(page.broken);
  return page.last ?? tip;
}
