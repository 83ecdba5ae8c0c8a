import type { Database } from 'better-sqlite3';

/** Events deleted per transaction: big enough to be quick, small enough not to hold the writer long. */
const batchSize = 10_000;

/** Deletes audit events that happened before `cutoffMs`, with their full-text entries. */
export function pruneAuditOlderThan(db: Database, cutoffMs: number): number {
  const oldest = db.prepare('SELECT seq FROM audit_events WHERE ts < ? ORDER BY ts LIMIT ?').pluck();
  return deleteInBatches(db, () => oldest.all(cutoffMs, batchSize) as number[], () => true);
}

/**
 * Deletes the oldest audit events in the share the database is over `maxBytes`. It does not
 * delete until the file measures under the budget: deleting rows frees whole pages only
 * slowly (index pages stay partly used, full-text deletes are tombstones until a merge), so
 * that loop would empty the cache. The space is reused by the events synced next.
 */
export function pruneAuditToSize(db: Database, maxBytes: number): number {
  const used = usedBytes(db);
  if (used <= maxBytes) return 0;
  const events = db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
  let toDelete = Math.ceil((events * (used - maxBytes)) / used);
  const oldest = db.prepare('SELECT seq FROM audit_events ORDER BY seq LIMIT ?').pluck();
  return deleteInBatches(
    db,
    () => {
      const seqs = oldest.all(Math.min(batchSize, toDelete)) as number[];
      toDelete -= seqs.length;
      return seqs;
    },
    () => toDelete > 0,
  );
}

/** Bytes in pages that hold data: the file size minus free pages not yet handed back. */
export function usedBytes(db: Database): number {
  const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
  return pages * (db.pragma('page_size', { simple: true }) as number);
}

/** While `more()`, deletes the events `pick()` chooses, one transaction per batch, until none are left. */
function deleteInBatches(db: Database, pick: () => number[], more: () => boolean): number {
  const deleteFts = db.prepare('DELETE FROM audit_text WHERE rowid IN (SELECT value FROM json_each(?))');
  const deleteEvents = db.prepare('DELETE FROM audit_events WHERE seq IN (SELECT value FROM json_each(?))');
  const deleteBatch = db.transaction((): number => {
    const seqs = pick();
    if (seqs.length === 0) return 0;
    const list = JSON.stringify(seqs);
    deleteFts.run(list);
    deleteEvents.run(list);
    return seqs.length;
  });
  let deleted = 0;
  while (more()) {
    const count = deleteBatch();
    if (count === 0) break;
    deleted += count;
  }
  return deleted;
}
