import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { plainCache } from './cache-cipher.ts';
import type { CacheCipher } from './cache-cipher.ts';
import { convertCacheFile, convertingPath } from './convert-cache-file.ts';
import { headerProblem } from './db-file-header.ts';
import { migrate } from './migrate.ts';
import type { MigrateOptions, Migration } from './migrate.ts';
import { cacheMigrations } from './migrations/index.ts';
import { moveDbAside } from './move-db-aside.ts';
import { needsConversion, openCacheFile } from './open-cache-file.ts';

export interface OpenedCache {
  db: Database.Database;
  /** Set when the file was unreadable and a fresh, empty cache replaced it. */
  recovered: null | { movedTo: string; reason: string };
  /** Set when the cache was encrypted or decrypted to match its profile's setting on this open. */
  converted: null | 'encrypted' | 'decrypted';
}

export interface OpenCacheOptions {
  log: (message: string) => void;
  migrations?: readonly Migration[];
  /** Progress of a long migration, and the free-space check before it. */
  migrating?: MigrateOptions;
  now?: () => Date;
  /** Its key and whether it should be encrypted; a plain cache by default. */
  cipher?: CacheCipher;
}

/**
 * Opens (creating if needed) a profile's cache database and migrates it. A damaged file is
 * moved aside, never deleted, and replaced by an empty cache that the next sync refills; a
 * schema this code cannot use (edited migration, newer Opsdeck) throws CacheSchemaError.
 *
 * Damage is looked for in proportion to the risk: every open reads the header (a truncated
 * file), but the full quick_check (seconds on a large cache) runs only when the last close was
 * not clean, which a write-ahead log left beside the file shows: the last connection to close
 * cleanly checkpoints and deletes it, a crash or kill leaves it. (Another connection still
 * open, such as the app's reader, leaves it too; the check then just runs once more.)
 *
 * An encrypted cache is opened with its key; one the key does not open throws a CacheKeyError
 * and stays where it is. A cache whose encryption differs from `cipher.encrypt` is converted
 * first (convertCacheFile), or on a later open while a reader holds it.
 */
export function openCacheDb(path: string, { log, migrations = cacheMigrations, migrating = {}, now = () => new Date(), cipher = plainCache(path) }: OpenCacheOptions): OpenedCache {
  mkdirSync(dirname(path), { recursive: true });
  rmSync(convertingPath(path), { force: true }); // a conversion a crash interrupted; the cache itself is whole
  const first = openChecked(path, cipher);
  if (first.ok) {
    const { db, converted } = convertedToCipher(first.db, path, cipher, log);
    return { db: migrated(db, migrations, path, migrating), recovered: null, converted };
  }

  const movedTo = moveDbAside(path, now());
  log(`Cache database ${path} is damaged (${first.reason}); moved it to ${movedTo} and starting an empty cache, which the next sync refills.`);
  const fresh = openChecked(path, cipher);
  if (!fresh.ok) throw new Error(`Cannot create a fresh cache database at ${path}: ${fresh.reason}`);
  return { db: migrated(fresh.db, migrations, path, migrating), recovered: { movedTo, reason: first.reason }, converted: null };
}

/** The cache encrypted or decrypted as `cipher` asks, when it is not so yet and nothing else has it open. */
function convertedToCipher(db: Database.Database, path: string, cipher: CacheCipher, log: (message: string) => void): Pick<OpenedCache, 'db' | 'converted'> {
  if (!needsConversion(path, cipher)) return { db, converted: null };
  const done = cipher.encrypt ? 'encrypted' : 'decrypted';
  if (!convertCacheFile(db, path, cipher)) {
    log(`The cache of profile '${cipher.profileId}' is to be ${done}, but another connection has it open; it stays as it is until the next start.`);
    return { db, converted: null };
  }
  const reopened = openChecked(path, cipher);
  if (!reopened.ok) throw new Error(`The cache of profile '${cipher.profileId}' was ${done} but does not open: ${reopened.reason}`);
  log(`The cache of profile '${cipher.profileId}' is now ${done}.`);
  return { db: reopened.db, converted: done };
}

type Checked = { ok: true; db: Database.Database } | { ok: false; reason: string };

function openChecked(path: string, cipher: CacheCipher): Checked {
  const cleanlyClosed = !existsSync(`${path}-wal`);
  // With a log left behind, the file may be mid-checkpoint and shorter than its header says until SQLite replays the log.
  const truncated = cleanlyClosed ? headerProblem(path) : null;
  if (truncated !== null) return { ok: false, reason: truncated };
  let db: Database.Database | undefined;
  try {
    db = openCacheFile(path, cipher, { timeout: 5000 });
    configure(db);
    if (cleanlyClosed) return { ok: true, db };
    const problems = (db.pragma('quick_check(5)') as Array<{ quick_check: string }>).map((row) => row.quick_check);
    if (problems.join() === 'ok') return { ok: true, db };
    db.close();
    return { ok: false, reason: `quick_check: ${problems.join('; ')}` };
  } catch (error) {
    db?.close();
    if (isCorruption(error)) return { ok: false, reason: (error as Error).message };
    throw error;
  }
}

function configure(db: Database.Database): void {
  // page_size and auto_vacuum only take effect on a new, empty file. 64 KiB pages measured
  // 1.6x faster bulk audit writes than 4 KiB (and a smaller file); incremental auto-vacuum
  // lets the prune hand freed pages back to the disk.
  db.pragma('page_size = 65536');
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -131072');
  db.pragma('journal_size_limit = 67108864');
}

function migrated(db: Database.Database, migrations: readonly Migration[], path: string, migrating: MigrateOptions): Database.Database {
  try {
    migrate(db, migrations, path, migrating);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}
