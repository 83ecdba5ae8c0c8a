import type { Database } from 'better-sqlite3';
import { appendAuditPage } from '../cache/append-audit-page.ts';
import { deferIndexes, restoreDeferredIndexes } from '../cache/deferred-indexes.ts';
import type { ReceivedAuditEvent } from '../cache/append-audit-page.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { checkPageChain } from './audit-chain.ts';
import type { ChainTip } from './audit-chain.ts';
import { cachedAuditTip, windowStartTip } from './audit-tip.ts';
import { feedPages } from './feed-pages.ts';
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

/**
 * Checked events written per transaction. Few large commits are much cheaper than many small
 * ones: each commit rewrites every page of the id index it touched, and ids are random.
 */
const eventsPerTransaction = 50_000;

/** Feed requests in flight while a page is checked and written. */
const pagesAhead = 3;

/**
 * The feed from `start` on: later pages are fetched while this one is checked; checked pages
 * are written with their cursor in one transaction per ~50,000 events (and at the end).
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
  if (total === 0) return { fetched };
  try {
    for await (const page of feedPages(client, { afterSeq: start.seq, headSeq: start.seq + total, limit: pageSize, depth: pagesAhead })) {
      tip = checkPageChain(tip, page.events.map((item) => item.event));
      batch.push(...page.events);
      if (batch.length >= eventsPerTransaction) write();
      if (signal.aborted) break;
    }
  } finally {
    // What was checked before a failure is kept.
    if (batch.length > 0) write();
  }
  return { fetched };
}
