import type { Database } from 'better-sqlite3';
import { restoreDeferredIndexes } from './deferred-indexes.ts';
import { dropAuditEventsFrom } from './drop-audit-events.ts';
import { repeatedId } from './packed-audit-rows.ts';
import type { RepeatedId } from './packed-audit-rows.ts';

/**
 * Rebuilds the indexes a bulk load of audit events deferred. The load wrote without the id
 * index, so an id the platform sent twice shows only here: the events from its second
 * appearance on are dropped, the cursor is moved back before it, and it is returned (the sync
 * reports it like a chain break, keeping everything before it). Their full text goes with them.
 */
export function restoreAuditIndexes(db: Database): RepeatedId | null {
  try {
    restoreDeferredIndexes(db);
    return null;
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
  }
  const first = db
    .prepare('SELECT seq, id FROM audit_events AS later WHERE EXISTS (SELECT 1 FROM audit_events AS earlier WHERE earlier.id = later.id AND earlier.seq < later.seq) ORDER BY seq LIMIT 1')
    .get() as { seq: number; id: string };
  const repeat = repeatedId(db, first.seq, first.id);
  dropAuditEventsFrom(db, first.seq);
  restoreDeferredIndexes(db);
  return repeat;
}
