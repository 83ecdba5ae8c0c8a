import { createHash } from 'node:crypto';
import { eventHashInput, genesisPrevHash } from '../../../shared/audit/event-hash.ts';
import { auditEvent, auditFeed, auditHead } from '../../../shared/ops-api/index.ts';
import type { AuditEvent } from '../../../shared/ops-api/index.ts';
import type { Check, ConformanceContext } from '../check.ts';
import { CheckFailure, expect, expectShape, expectStatus } from '../check.ts';
import { enc } from '../samples.ts';

const feedPage = 1_000;

/** Reads the feed from the start, checking order and the hash chain as it goes. */
async function readChain({ request, auditEvents }: ConformanceContext): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let afterSeq = 0;
  let prevHash = genesisPrevHash;
  while (events.length < auditEvents) {
    const exchange = await request('GET', `/v1/audit-events?after_seq=${afterSeq}&limit=${Math.min(feedPage, auditEvents - events.length)}`);
    expectStatus(exchange, 200);
    const { data, has_more } = expectShape(exchange, auditFeed);
    // Hash what came over the wire, not what the schema made of it.
    const raw = (exchange.json as { data: Array<Record<string, unknown>> }).data;
    for (const [index, event] of data.entries()) {
      const where = `seq ${event.seq} (id ${event.id})`;
      expect(event.seq === afterSeq + 1, `the feed after seq ${afterSeq} went on with seq ${event.seq}; seqs must rise by exactly 1`);
      expect(event.prev_hash === prevHash, `${where}: prev_hash ${event.prev_hash} is not the hash of the event before it (${prevHash})`);
      const computed = createHash('sha256').update(eventHashInput(raw[index]!)).digest('hex');
      expect(computed === event.hash, `${where}: hash ${event.hash} does not match its content (SHA-256 of its JCS form is ${computed})`);
      events.push(event);
      afterSeq = event.seq;
      prevHash = event.hash;
    }
    if (!has_more || data.length === 0) break;
  }
  return events;
}

export const auditChainChecks: Check[] = [
  {
    name: 'audit feed: seq starts at 1, rises by 1, and every hash and prev_hash verifies',
    async run(context) {
      const events = await readChain(context);
      if (events.length === 0) throw new CheckFailure('the audit feed is empty; nothing to verify');
    },
  },
  {
    name: 'audit feed: resuming after a seq continues exactly there',
    async run({ request }) {
      const first = expectShape(await request('GET', '/v1/audit-events?after_seq=0&limit=20'), auditFeed).data;
      const middle = first[9];
      if (middle === undefined) throw new CheckFailure('the audit feed has fewer than 10 events');
      const resumed = expectShape(await request('GET', `/v1/audit-events?after_seq=${middle.seq}&limit=10`), auditFeed).data;
      expect(resumed.map((event) => event.id).join() === first.slice(10).map((event) => event.id).join(), `after_seq=${middle.seq} did not return the events that follow seq ${middle.seq}`);
    },
  },
  {
    name: 'audit head: names the newest event, whose hash matches the feed',
    async run({ request }) {
      const head = expectShape(await request('GET', '/v1/audit-events/head'), auditHead);
      const around = expectShape(await request('GET', `/v1/audit-events?after_seq=${Math.max(0, head.seq - 1)}&limit=1`), auditFeed).data[0];
      expect(around !== undefined && around.seq === head.seq, `head says seq ${head.seq} but the feed has no such event`);
      expect(around.hash === head.hash, `head hash ${head.hash} differs from the hash of seq ${head.seq} in the feed (${around.hash})`);
    },
  },
  {
    name: 'audit event by id: the same bytes-worth of content as in the feed',
    async run({ request }) {
      const [event] = expectShape(await request('GET', '/v1/audit-events?limit=1'), auditFeed).data;
      if (event === undefined) throw new CheckFailure('the audit feed is empty');
      const exchange = await request('GET', `/v1/audit-events/${enc(event.id)}`);
      expectStatus(exchange, 200);
      const single = expectShape(exchange, auditEvent);
      expect(eventHashInput(single) === eventHashInput(event) && single.hash === event.hash, `GET /v1/audit-events/${event.id} differs from the same event in the feed`);
    },
  },
];
