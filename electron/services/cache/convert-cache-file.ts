import { copyFileSync, renameSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { CacheCipher } from './cache-cipher.ts';
import { cacheFileState, openCacheFile, useSqlcipher } from './open-cache-file.ts';

/** Where a conversion writes before it replaces the cache; left over only by a crash, and removed on the next open. */
export const convertingPath = (path: string) => `${path}.converting`;

/**
 * Encrypts or decrypts a cache to what `cipher` asks for, if it is not so already: a copy is
 * re-keyed and checked, then renamed over the cache in one step, so a crash leaves either the
 * old file or the new one, whole. `db` is the writer's connection; it is closed when the cache
 * is converted, and false comes back when it could not be: another connection (a reader) has
 * the cache open, and the next open tries again.
 */
export function convertCacheFile(db: Database, path: string, cipher: CacheCipher): boolean {
  // Leaving WAL mode needs the only connection: it folds the log into the file, which the copy then holds whole.
  db.pragma('busy_timeout = 200');
  try {
    db.pragma('journal_mode = DELETE');
  } catch {
    db.pragma('journal_mode = WAL');
    return false;
  } finally {
    db.pragma('busy_timeout = 5000');
  }
  db.close();
  const copy = convertingPath(path);
  rmSync(copy, { force: true });
  copyFileSync(path, copy);
  try {
    rekey(copy, cipher);
    renameSync(copy, path);
  } catch (error) {
    rmSync(copy, { force: true });
    throw error;
  }
  return true;
}

function rekey(copy: string, cipher: CacheCipher): void {
  const source = openCacheFile(copy, { ...cipher, encrypt: !cipher.encrypt });
  try {
    if (cipher.encrypt) useSqlcipher(source, 'rekey', cipher.key!);
    else source.pragma("rekey = ''");
  } finally {
    source.close();
  }
  const converted = openCacheFile(copy, cipher, { fileMustExist: true, readonly: true });
  converted.close();
  if (cacheFileState(copy) !== (cipher.encrypt ? 'encrypted' : 'plain')) throw new Error(`converting ${copy} left it ${cipher.encrypt ? 'unencrypted' : 'encrypted'}`);
}
