import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * A read-only connection to a cache or source database, or null when there is none there yet
 * (or the sync has not finished creating its schema). The writer is elsewhere.
 */
export function openReaderDb(path: string): Database.Database | null {
  if (!existsSync(path)) return null;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  // Facets and the rows of a page are random reads across the table: keep more of it at hand
  // than SQLite's 2 MB default.
  db.pragma('cache_size = -65536');
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sync_state'").get() === undefined) {
    db.close();
    return null;
  }
  return db;
}
