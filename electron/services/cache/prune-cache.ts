import type { Database } from 'better-sqlite3';
import { downsampleQueueSamples } from './downsample-queue-samples.ts';
import type { DownsampleResult } from './downsample-queue-samples.ts';
import { pruneAuditOlderThan, pruneAuditToSize, usedBytes } from './prune-audit.ts';

export interface PruneOptions {
  /** Audit events older than this are deleted (the platform's search answers for them). */
  auditMaxAgeDays: number;
  /** Byte budget of the database; past it the oldest audit events go. */
  maxBytes: number;
  now: number;
}

export interface PruneResult {
  auditDeleted: number;
  auditDeletedByAge: number;
  auditDeletedForSize: number;
  queueSamples: DownsampleResult;
  bytesBefore: number;
  bytesAfter: number;
}

/** Keeps a profile's cache within its age and size budget. Safe to run at any time. */
export function pruneCache(db: Database, { auditMaxAgeDays, maxBytes, now }: PruneOptions): PruneResult {
  const bytesBefore = usedBytes(db);
  const queueSamples = downsampleQueueSamples(db, now);
  const auditDeletedByAge = pruneAuditOlderThan(db, now - auditMaxAgeDays * 86_400_000);
  const auditDeletedForSize = pruneAuditToSize(db, maxBytes);
  const auditDeleted = auditDeletedByAge + auditDeletedForSize;
  // Hands the freed pages back to the file system instead of keeping them for reuse.
  if (auditDeleted > 0) db.pragma('incremental_vacuum');
  return { auditDeleted, auditDeletedByAge, auditDeletedForSize, queueSamples, bytesBefore, bytesAfter: usedBytes(db) };
}
