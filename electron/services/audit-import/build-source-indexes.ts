import Database from 'better-sqlite3';
import { restoreDeferredIndexes } from '../cache/deferred-indexes.ts';
import { indexAuditText } from '../cache/index-audit-text.ts';
import type { SourceIndexProgress } from './source-indexes-protocol.ts';

/** Events per full-text transaction: about half a second of work here, so that progress comes often. */
const textBatch = 25_000;
/**
 * FTS5 writes a segment whenever its pending terms pass 'hashsize' (1 MiB by default), and merges
 * them later; pending a whole batch writes one segment a batch (on 1M events, ~22% less CPU).
 */
const bulkHashSize = 64 << 20;
const defaultHashSize = 1 << 20;

/**
 * Builds what a loaded import's database still lacks, on a connection of its own: the field
 * indexes its load deferred, then the full-text index, reporting before each index and after
 * each batch of text.
 */
export function buildSourceIndexes(dbPath: string, onProgress: (progress: SourceIndexProgress) => void): void {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    // The database is renamed into place only once complete: nothing to keep durable before.
    db.pragma('synchronous = OFF');
    // Reading the rows in order and writing the text's segments needs few pages cached (8 MB did as well as 32).
    db.pragma('cache_size = -8192');
    restoreDeferredIndexes(db, { onProgress: ({ built, total, building }) => onProgress({ phase: 'indexing', built, indexes: total, building, buildingMs: 0 }) });
    const events = db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
    onProgress({ phase: 'text', indexed: 0, events });
    setTextHashSize(db, bulkHashSize);
    indexAuditText(db, { batchSize: textBatch, onProgress: (indexed) => onProgress({ phase: 'text', indexed, events }) });
    setTextHashSize(db, defaultHashSize);
  } finally {
    db.close();
  }
}

/** FTS5's 'hashsize' of audit_text (an integer option: bound from JS it would be a REAL, which FTS5 refuses). */
function setTextHashSize(db: Database.Database, bytes: number): void {
  db.exec(`INSERT INTO audit_text (audit_text, rank) VALUES ('hashsize', ${Math.trunc(bytes)})`);
}
