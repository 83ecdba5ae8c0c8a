import type { Database } from 'better-sqlite3';
import { ftsIndexedUpto, textWatermarkWriter } from './sync-state.ts';

/**
 * The token a tenant id is indexed under in audit_text's tenant column: the hex of its UTF-8
 * bytes, as SQL's hex() writes it, so it is one token whatever characters the id has.
 * A tenant-scoped text search is `tenant : <token> AND (...)`.
 */
export function tenantTextToken(tenantId: string): string {
  return Buffer.from(tenantId, 'utf8').toString('hex').toUpperCase();
}

/**
 * Brings the full-text index up to the newest cached audit event, starting after
 * sync_state.fts_indexed_upto, one transaction per batch (rows and watermark together), so
 * text search follows the field-searchable rows in the background. Returns events indexed;
 * onProgress hears the count so far after each batch.
 */
export function indexAuditText(db: Database, { batchSize, onProgress }: { batchSize: number; onProgress?: (indexed: number) => void }): number {
  const batchEnd = db.prepare('SELECT max(seq) FROM (SELECT seq FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?)').pluck();
  const insert = db.prepare(
    `INSERT INTO audit_text (rowid, tenant, action, actor, target, metadata, changes)
     SELECT seq, hex(tenant_id), action,
            concat_ws(' ', actor_type, actor_id, actor_email, raw ->> '$.actor.name'),
            concat_ws(' ', target_type, target_id, raw ->> '$.target.name'),
            raw -> '$.metadata', raw -> '$.changes'
     FROM audit_events WHERE seq > ? AND seq <= ?`,
  );
  const saveWatermark = textWatermarkWriter(db);
  /** Indexes the next batch after `after`; returns the new watermark and how many were indexed. */
  const indexBatch = db.transaction((after: number): { upto: number; count: number } => {
    const upto = batchEnd.get(after, batchSize) as number | null;
    if (upto === null) return { upto: after, count: 0 };
    const { changes } = insert.run(after, upto);
    saveWatermark(upto);
    return { upto, count: changes };
  });

  let indexed = 0;
  for (let after = ftsIndexedUpto(db); ; ) {
    const { upto, count } = indexBatch(after);
    if (count === 0) return indexed;
    indexed += count;
    after = upto;
    onProgress?.(indexed);
  }
}
