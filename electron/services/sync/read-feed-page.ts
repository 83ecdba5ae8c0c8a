import { isUtf8 } from 'node:buffer';
import { auditFeed } from '../../../shared/ops-api/audit.ts';
import { isAuditEvent } from '../../../shared/ops-api/audit-event-check.ts';
import type { AuditEvent } from '../../../shared/ops-api/index.ts';
import { eventDigest } from '../audit/event-digest.ts';
import { readPlainEventLine } from '../audit/plain-event-line.ts';
import { OpsApiError } from '../ops-api/ops-api-error.ts';
import { parseBody } from '../ops-api/ops-api-client.ts';
import { arrayItemBounds } from './array-item-bounds.ts';

/** One page of the audit feed, its events kept as the bytes the platform sent. */
export interface FeedPage {
  /** The seq the page was asked for the events after. */
  afterSeq: number;
  /** The response body in UTF-8; event i's raw JSON is bytes[bounds[2i], bounds[2i + 1]). */
  bytes: Buffer;
  bounds: number[];
  events: AuditEvent[];
  hasMore: boolean;
}

const envelope = auditFeed.omit({ data: true });
const encoder = new TextEncoder();

/**
 * Reads the body of the feed page after `afterSeq`. A page may start before that seq (its repeats
 * are checked against what was received, then dropped), but it must reach it, to be checked, and
 * go past it while more follow.
 */
export function readFeedPage(body: Buffer, endpoint: string, afterSeq: number): FeedPage {
  // Stored raw texts are UTF-8: invalid bytes become replacement characters, as decoding would make them.
  const bytes = isUtf8(body) ? body : Buffer.from(encoder.encode(body.toString('utf8')).buffer);
  const { bounds, events, hasMore } = readEvents(bytes, endpoint);
  const last = events.at(-1)?.seq;
  if (last !== undefined && (last < afterSeq || (last === afterSeq && hasMore))) {
    throw new OpsApiError('contract', endpoint, `asked for the events after seq ${afterSeq}, the platform sent seq ${events[0]!.seq} to ${last}${hasMore ? ' and said more follow' : ''}`);
  }
  return { afterSeq, bytes, bounds, events, hasMore };
}

/**
 * Reads a feed page's body event by event: each event is parsed on its own and checked by
 * the fast isAuditEvent, and the page around them by the schema. Anything that does not pass
 * is read again whole by the Ops API schema, whose error names the endpoint and the first bad
 * field (e.g. `data.3.outcome`); nothing of such a page is returned.
 */
function readEvents(bytes: Buffer, endpoint: string): Pick<FeedPage, 'bounds' | 'events' | 'hasMore'> {
  try {
    const { open, close, bounds } = arrayItemBounds(bytes, 'data');
    const page = envelope.parse(JSON.parse(`${bytes.toString('utf8', 0, open + 1)}${bytes.toString('utf8', close)}`));
    const events: AuditEvent[] = [];
    for (let index = 0; index < bounds.length; index += 2) {
      const event: unknown = JSON.parse(bytes.toString('utf8', bounds[index], bounds[index + 1]));
      if (!isAuditEvent(event)) throw new Error('not an audit event');
      events.push(event);
    }
    return { bounds, events, hasMore: page.has_more };
  } catch (error) {
    parseBody(auditFeed, bytes.toString('utf8'), endpoint);
    throw new OpsApiError('contract', endpoint, `the response could not be read event by event: ${(error as Error).message}`);
  }
}

/** The hash event i's content has: straight from its bytes when they are plain, else from the parsed event. */
export function computedHash(page: FeedPage, index: number): string {
  const plain = readPlainEventLine(page.bytes, page.bounds[2 * index]!, page.bounds[2 * index + 1]!);
  return plain?.computedHash ?? eventDigest(page.events[index]!);
}
