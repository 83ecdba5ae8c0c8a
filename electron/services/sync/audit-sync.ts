import type { Database } from 'better-sqlite3';
import { appendAuditPage } from '../cache/append-audit-page.ts';
import { deferIndexes, restoreDeferredIndexes } from '../cache/deferred-indexes.ts';
import type { ReceivedAuditEvent } from '../cache/append-audit-page.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { OpsApiError } from '../ops-api/ops-api-error.ts';
import { checkPageChain } from './audit-chain.ts';
import type { ChainTip } from './audit-chain.ts';
import { cachedAuditTip, windowStartTip } from './audit-tip.ts';
import { rawArrayItems } from './raw-array-items.ts';
import type { SyncReport } from './sync-report.ts';

export interface AuditSyncOptions {
  db: Database;
  client: OpsApiClient;
  report: SyncReport;
  signal: AbortSignal;
  /** Events per feed request (the Ops API allows up to 1000). */
  pageSize: number;
  /** Oldest time a first sync fetches. */
  windowStartMs: number;
}

/** What the sync reports once a bulk load's field indexes are built (full text follows). */
export const fieldSearchReady = 'Field search ready; full text follows';

/** A catch-up longer than this loads without the field indexes and builds them afterwards. */
const bulkLoadThreshold = 50_000;

/**
 * Follows the `after_seq` feed until it is caught up. Each page is chain-checked against the
 * cached tip, then written with its cursor in one transaction, so a kill at any moment resumes
 * with no gap and no duplicate. A long catch-up loads without the field indexes and builds
 * them at the end (a killed one rebuilds them on the next run).
 */
export async function syncAuditFeed(options: AuditSyncOptions): Promise<{ fetched: number }> {
  const { db, client, report, windowStartMs } = options;
  const tip = cachedAuditTip(db) ?? (await windowStartTip(client, windowStartMs));
  const head = await client.call('getAuditHead');
  const total = Math.max(head.seq - tip.seq, 0);
  if (total <= bulkLoadThreshold) {
    restoreDeferredIndexes(db);
    return followFeed(options, tip, total);
  }
  deferIndexes(db, 'audit_events');
  try {
    return await followFeed(options, tip, total);
  } finally {
    report({ resource: 'audit', progress: 1, detail: 'Building the search indexes' });
    restoreDeferredIndexes(db);
    report({ resource: 'audit', progress: null, detail: fieldSearchReady });
  }
}

/** Checked events written per transaction: few large commits are much cheaper than many small ones. */
const eventsPerTransaction = 10_000;

/**
 * The feed from `start` on: the next page is fetched while this one is checked; checked pages
 * are written with their cursor in one transaction per ~10,000 events (and at the end).
 */
async function followFeed({ db, client, report, signal, pageSize }: AuditSyncOptions, start: ChainTip, total: number): Promise<{ fetched: number }> {
  let tip = start;
  let fetched = 0;
  let batch: ReceivedAuditEvent[] = [];
  const write = () => {
    appendAuditPage(db, batch);
    fetched += batch.length;
    batch = [];
    const done = tip.seq - start.seq;
    report({
      resource: 'audit',
      progress: total > 0 ? Math.min(done / total, 1) : null,
      detail: `${done.toLocaleString('en-US')} of ${Math.max(total, done).toLocaleString('en-US')} new events`,
    });
  };
  let pending: Promise<Page> | null = total > 0 ? fetchPage(client, tip.seq, pageSize) : null;
  try {
    while (pending !== null && !signal.aborted) {
      const page = await pending;
      const last = page.events.at(-1);
      pending = page.hasMore && last !== undefined ? fetchPage(client, last.event.seq, pageSize) : null;
      pending?.catch(() => {}); // awaited next round; a failure there is reported there
      tip = checkPageChain(tip, page.events.map((item) => item.event));
      batch.push(...page.events);
      if (batch.length >= eventsPerTransaction) write();
    }
  } finally {
    // What was checked before a failure is kept.
    if (batch.length > 0) write();
  }
  return { fetched };
}

interface Page {
  events: ReceivedAuditEvent[];
  hasMore: boolean;
}

async function fetchPage(client: OpsApiClient, afterSeq: number, limit: number): Promise<Page> {
  const { text, value } = await client.callWithText('listAuditEvents', { query: { after_seq: afterSeq, limit } });
  const raws = rawArrayItems(text, 'data');
  if (raws.length !== value.data.length) {
    throw new OpsApiError('contract', 'GET /v1/audit-events', `the body holds ${raws.length} raw events but parses to ${value.data.length}`);
  }
  return { events: value.data.map((event, i) => ({ raw: raws[i]!, event })), hasMore: value.has_more };
}
