import { AuditRowPacker } from '../cache/packed-audit-rows.ts';
import type { PackedRows } from '../cache/packed-rows.ts';
import { checkChain, checkLink } from './audit-chain.ts';
import type { ChainLink, ChainTip } from './audit-chain.ts';
import { feedError, feedFailure } from './feed-messages.ts';
import type { FeedFailure } from './feed-messages.ts';
import { IntegrityError } from './integrity-error.ts';
import { computedHash } from './read-feed-page.ts';
import type { FeedPage } from './read-feed-page.ts';

/**
 * A feed page checked within itself (each event linked to the one before it, each hash its
 * content) and packed as audit_events rows. Its first link is checked against the page before
 * by whoever has that page (linkPage), which may be another thread.
 */
export interface CheckedPage {
  rows: PackedRows;
  count: number;
  /** The first event's place in the chain; null for an empty page. */
  first: ChainLink | null;
  /** The tip after the page (null for an empty page). */
  last: ChainTip | null;
  hasMore: boolean;
  /** A break after the first event: reported once the first link is known to hold, so the earliest problem is the one named. */
  broken: FeedFailure | null;
}

export function checkFeedPage(page: FeedPage): CheckedPage {
  const first = page.events[0];
  const checked = { count: page.events.length, hasMore: page.hasMore, first: null, last: null, broken: null };
  if (first === undefined) return { ...checked, rows: noRows() };
  const link = { seq: first.seq, id: first.id, prev_hash: first.prev_hash };
  try {
    const last = checkChain({ seq: first.seq - 1, hash: first.prev_hash }, page.events, (index) => computedHash(page, index));
    const rows = new AuditRowPacker();
    page.events.forEach((event, index) => rows.add(event, page.bounds[2 * index]!, page.bounds[2 * index + 1]!));
    return { ...checked, rows: rows.pack(page.bytes), first: link, last };
  } catch (error) {
    if (!(error instanceof IntegrityError)) throw error;
    return { ...checked, rows: noRows(), first: link, broken: feedFailure(error) };
  }
}

function noRows(): PackedRows {
  return new AuditRowPacker().pack(new Uint8Array(0));
}

/** Links a checked page to `tip`; returns the new tip, or throws the first break (the link, else one inside the page). */
export function linkPage(tip: ChainTip, page: CheckedPage): ChainTip {
  if (page.first === null) return tip;
  checkLink(tip, page.first);
  if (page.broken) throw feedError(page.broken);
  return page.last!;
}
