import type { Database } from 'better-sqlite3';
import { openCacheDb } from '../cache/open-cache-db.ts';
import type { OpenCacheOptions, OpenedCache } from '../cache/open-cache-db.ts';
import { markCacheOpen } from '../cache/open-marker.ts';
import { repairAuditChain } from './repair-audit-chain.ts';
import type { ChainRepair } from './repair-audit-chain.ts';

/** Work on the cache before the sync starts, as the sync status shows it. */
export interface CacheWork {
  /** 0..1, or null when unknown. */
  progress: number | null;
  detail: string;
}

export interface SyncCache extends OpenedCache {
  /** What the check after an unclean shutdown found, and in words; null when the last close was clean. */
  repair: (ChainRepair & { summary: string }) | null;
  /** Closes the cache and marks the close as clean. */
  close(): void;
}

export interface OpenSyncCacheOptions extends Omit<OpenCacheOptions, 'migrating'> {
  /** Hears a long migration and the chain check as they go, and null once they are done. */
  onWork: (work: CacheWork | null) => void;
}

const count = (value: number) => value.toLocaleString('en-US');

/**
 * Opens a profile's cache for the sync engine, its only writer: migrated (a long migration
 * reports its progress), and marked open until closed cleanly. After a run that did not close
 * it (killed, crashed, power cut), the cached audit chain is checked and what is broken is
 * dropped, for this sync to fetch again.
 */
export async function openSyncCache(path: string, { log, onWork: report, ...options }: OpenSyncCacheOptions): Promise<SyncCache> {
  let working = false;
  const onWork = (work: CacheWork) => {
    working = true;
    report(work);
  };
  const marker = markCacheOpen(path);
  let opened: OpenedCache;
  try {
    opened = openCacheDb(path, {
      ...options,
      log,
      migrating: {
        onProgress: ({ migration, table, copied, total }) =>
          onWork({ progress: total === 0 ? 1 : copied / total, detail: `Upgrading the cache (migration ${migration}): ${count(copied)} of ${count(total)} rows of ${table} copied` }),
      },
    });
  } catch (error) {
    marker.markClosed();
    throw error;
  }
  const { db } = opened;
  const close = () => {
    db.close();
    marker.markClosed();
  };
  try {
    const repair = marker.uncleanBefore ? await checkAfterUncleanShutdown(db, onWork) : null;
    marker.clearUnclean();
    if (working) report(null);
    return { ...opened, repair: repair === null ? null : { ...repair, summary: describeRepair(path, repair) }, close };
  } catch (error) {
    close();
    throw error;
  }
}

function checkAfterUncleanShutdown(db: Database, onWork: (work: CacheWork) => void): Promise<ChainRepair> {
  onWork({ progress: 0, detail: 'Checking the cached audit chain: the cache was not closed cleanly last time' });
  return repairAuditChain(db, {
    onProgress: (checked, total) => onWork({ progress: total === 0 ? 1 : checked / total, detail: `Checking the cached audit chain: ${count(checked)} of ${count(total)} events` }),
  });
}

function describeRepair(path: string, { checked, brokenAt, dropped }: ChainRepair): string {
  const start = `The cache ${path} was not closed cleanly last time; its audit chain of ${count(checked)} events`;
  if (brokenAt === null) return `${start} verified intact.`;
  return `${start} breaks at seq ${count(brokenAt.seq)} (${brokenAt.problem.replace('_', ' ')}): dropped ${count(dropped)} events from there on, which the sync fetches again.`;
}
