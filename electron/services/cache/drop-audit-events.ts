import type { Database } from 'better-sqlite3';
import { rewindAudit } from './sync-state.ts';

/**
 * Deletes the audit events from `firstSeq` on, with their full text, in one transaction, and
 * rewinds the audit sync to resume after the newest event kept; returns how many were deleted.
 */
export function dropAuditEventsFrom(db: Database, firstSeq: number): number {
  return db.transaction(() => {
    const { changes } = db.prepare('DELETE FROM audit_events WHERE seq >= ?').run(firstSeq);
    // A run while offline may have indexed their text already.
    db.prepare('DELETE FROM audit_text WHERE rowid >= CAST(? AS INTEGER)').run(firstSeq);
    rewindAudit(db, firstSeq);
    return changes;
  })();
}
