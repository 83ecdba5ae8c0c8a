import type { Database } from 'better-sqlite3';
import { deferIndexes } from '../cache/deferred-indexes.ts';
import { appendPackedAuditRows, packedRowCount } from '../cache/packed-audit-rows.ts';
import type { RepeatedId } from '../cache/packed-audit-rows.ts';
import type { PackedRows } from '../cache/packed-rows.ts';
import { restoreAuditIndexes } from '../cache/restore-audit-indexes.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { sourceWorkerPaths } from '../workers/start-worker.ts';
import { cachedAuditTip, windowStartTip } from './audit-tip.ts';
import { checkedFeed } from './checked-feed.ts';
import { checkedFeedInWorkers } from './checked-feed-in-workers.ts';
import { IntegrityError } from './integrity-error.ts';
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
  /** The feed worker's entry (bundled apps pass theirs); default: the TypeScript source. */
  feedWorker?: string;
  /** A catch-up longer than this is a bulk load (default 50,000 events). */
  bulkLoadFrom?: number;
}

/**
 * Threads that read a bulk load's pages. Two keep ahead of the writing thread on two cores:
 * reading and checking an event costs more than writing it.
 */
const feedWorkers = 2;

/** What the sync reports once a bulk load's field indexes are built (full text follows). */
export const fieldSearchReady = 'Field search ready; full text follows';

/**
 * Follows the `after_seq` feed until it is caught up. Each page is chain-checked against the
 * cached tip, then written with its cursor in one transaction, so a kill at any moment resumes
 * with no gap and no duplicate. A long catch-up is a bulk load: pages are read and checked on
 * worker threads while this one writes, without the field indexes, which are built at the end
 * (a killed one rebuilds them on the next run).
 */
export async function syncAuditFeed(options: AuditSyncOptions): Promise<{ fetched: number }> {
  const { db, client, report, windowStartMs, pageSize, bulkLoadFrom = 50_000 } = options;
  const tip = cachedAuditTip(db) ?? (await windowStartTip(client, windowStartMs));
  const head = await client.call('getAuditHead');
  const total = Math.max(head.seq - tip.seq, 0);
  const range = { tip, headSeq: head.seq, pageSize };
  if (total <= bulkLoadFrom) {
    throwIfRepeated(restoreAuditIndexes(db));
    return total === 0 ? { fetched: 0 } : writeFeed(options, total, checkedFeed(client, range));
  }
  deferIndexes(db, 'audit_events');
  // A bulk load hands its writes to the OS without waiting for the disk: a crash of the app
  // still leaves every committed page, and a power cut at worst leaves a cache that the next
  // open finds damaged and refills. Each checkpoint's fsync cost a tenth of the load.
  db.pragma('synchronous = OFF');
  let written: { fetched: number };
  try {
    written = await writeFeed(options, total, checkedFeedInWorkers(options.feedWorker ?? sourceWorkerPaths('sync-feed'), client, range, feedWorkers));
  } catch (loadError) {
    // What was written before the failure is kept and indexed; an id it repeated came first.
    // Should the rebuild fail as well, the load's own error is the one to tell (the next run
    // rebuilds what deferred_indexes remembers).
    let repeated: RepeatedId | null = null;
    try {
      repeated = endBulkLoad(db, report);
    } catch {
      // reported through loadError
    }
    throwIfRepeated(repeated);
    throw loadError;
  }
  throwIfRepeated(endBulkLoad(db, report));
  return written;
}

/**
 * Rebuilds the indexes a bulk load deferred and restores durability; returns an id the load
 * wrote twice. The indexes are searchable once committed: copying them from the log into the
 * database file (the checkpoint) is left to the next write, after field search is announced.
 */
function endBulkLoad(db: Database, report: SyncReport): RepeatedId | null {
  report({ resource: 'audit', progress: 1, detail: 'Building the search indexes' });
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  let repeated: RepeatedId | null;
  try {
    repeated = restoreAuditIndexes(db);
  } finally {
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    db.pragma('synchronous = NORMAL');
  }
  report({ resource: 'audit', progress: null, detail: fieldSearchReady });
  return repeated;
}

function throwIfRepeated(repeated: RepeatedId | null): void {
  if (repeated) throw new IntegrityError(repeated.seq, repeated.id, `repeats the id of seq ${repeated.firstSeq}`);
}

/**
 * Checked events written per transaction. Few large commits are much cheaper than many small
 * ones: each commit rewrites every page of the id index it touched, and ids are random.
 */
const eventsPerTransaction = 50_000;

/** Writes checked pages with their cursor, one transaction per ~50,000 events (and at the end). */
async function writeFeed({ db, report, signal }: AuditSyncOptions, total: number, pages: AsyncIterable<PackedRows>): Promise<{ fetched: number }> {
  let fetched = 0;
  let batch: PackedRows[] = [];
  let batchRows = 0;
  const write = () => {
    const { written, repeated } = appendPackedAuditRows(db, batch);
    fetched += written;
    batch = [];
    batchRows = 0;
    throwIfRepeated(repeated);
    report({
      resource: 'audit',
      progress: total > 0 ? Math.min(fetched / total, 1) : null,
      detail: `${fetched.toLocaleString('en-US')} of ${Math.max(total, fetched).toLocaleString('en-US')} new events`,
    });
  };
  try {
    for await (const rows of pages) {
      batch.push(rows);
      batchRows += packedRowCount(rows);
      if (batchRows >= eventsPerTransaction) write();
      if (signal.aborted) break;
    }
  } finally {
    // What was checked before a failure is kept.
    if (batch.length > 0) write();
  }
  return { fetched };
}
