import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { plainCache } from '../cache/cache-cipher.ts';
import type { CacheCipher } from '../cache/cache-cipher.ts';
import { cacheFileState, openCacheFile } from '../cache/open-cache-file.ts';

/**
 * A read-only connection to a cache or source database, or null when there is none there yet
 * (or the sync has not finished creating its schema). The writer is elsewhere. An encrypted
 * profile cache needs its cipher; an imported source is plain.
 */
export function openReaderDb(path: string, cipher: CacheCipher = plainCache(path)): Database.Database | null {
  if (!existsSync(path)) return null;
  const db = openCacheFile(path, cipher, { readonly: true, fileMustExist: true });
  // Facets and the rows of a page are random reads across the table: keep more of it at hand
  // than SQLite's 2 MB default. An encrypted cache's pages are decrypted as SQLite reads them,
  // so the operating system's file cache, which serves a plain file, holds only ciphertext:
  // its reader keeps more decrypted pages itself (memory taken only as pages are read).
  db.pragma(`cache_size = ${cacheFileState(path) === 'encrypted' ? -262144 : -65536}`);
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sync_state'").get() === undefined) {
    db.close();
    return null;
  }
  return db;
}
