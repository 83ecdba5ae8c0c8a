import { closeSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { CacheCipher } from './cache-cipher.ts';
import { missingKeyError, wrongKeyError } from './cache-cipher.ts';

export interface CacheFileOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  timeout?: number;
}

/** What is on disk at a cache path: nothing yet, a plain SQLite file, or something else (encrypted, or garbage). */
export type CacheFileState = 'none' | 'plain' | 'encrypted';

/**
 * Every connection to a profile's cache, writer or reader, on any thread, is opened here: a
 * plain file as it is, an encrypted one (and a new one that should be) with the SQLCipher key.
 * A key that does not open the file throws a CacheKeyError naming the profile, before any
 * query runs, so no caller mistakes it for a damaged file.
 */
export function openCacheFile(path: string, cipher: CacheCipher, options: CacheFileOptions = {}): Database.Database {
  const state = cacheFileState(path);
  // Without a key nor a wish to encrypt, a file that is not plain SQLite is opened as it is:
  // SQLite then finds it "not a database", as it would any damaged file.
  if (state === 'encrypted' && cipher.key === null && cipher.encrypt) throw missingKeyError(cipher.profileId, path);
  const db = new Database(path, options);
  const keyed = state === 'encrypted' || (state === 'none' && cipher.encrypt);
  if (!keyed || cipher.key === null) return db;
  try {
    useSqlcipher(db, 'key', cipher.key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw decryptsToGarbage(error) ? wrongKeyError(cipher.profileId, path) : error;
  }
}

/**
 * Sets the key (or, `rekey`, encrypts or re-encrypts with it) in SQLCipher's format: AES-256 with
 * a random IV per page, given as a raw 256-bit key, so no key derivation runs on each open.
 * Without SQLCipher's per-page HMAC: it made reading a page that is not in memory 5 to 10 times
 * slower (a SHA-512 per 64 KiB page), and what it guards is guarded here already: each audit
 * event's hash and the chain between them prove its content, and SQLite's own checks catch a
 * page that decrypts to garbage. What encryption is for here is that a copied file reads as noise.
 */
export function useSqlcipher(db: Database.Database, verb: 'key' | 'rekey', key: string): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('hmac_use = 0');
  db.pragma(`${verb} = "x'${key}'"`);
}

/** Whether the file at `path` is a plain SQLite database: its first 16 bytes say so; SQLCipher's are random salt. */
export function cacheFileState(path: string): CacheFileState {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return 'none';
  }
  try {
    const head = Buffer.alloc(magic.length);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'none';
    return head.equals(magic) ? 'plain' : 'encrypted';
  } finally {
    closeSync(fd);
  }
}

/** Whether the cache at `path` is to be encrypted or decrypted to be as `cipher` asks. */
export function needsConversion(path: string, cipher: CacheCipher): boolean {
  const state = cacheFileState(path);
  return state !== 'none' && (state === 'encrypted') !== cipher.encrypt;
}

/** What SQLite says of a first page that another key decrypted: no HMAC tells it apart, its header is garbage. */
function decryptsToGarbage(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (typeof code === 'string' && /^SQLITE_(NOTADB|CORRUPT)/.test(code)) || message === 'unsupported file format';
}

const magic = Buffer.from('SQLite format 3\0', 'latin1');
