import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { checkSpaceForCopy, freeDiskBytes, runCopyWithProgress } from './table-copy.ts';
import type { CopyProgress, TableCopy } from './table-copy.ts';

/** A numbered schema step; once applied to a database its SQL must never change. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Set when the migration copies a whole table (long on a large cache): the free space is
   * checked first and the copy reports its progress. Not part of the checksum: the SQL is run as written.
   */
  copies?: TableCopy;
}

export interface MigrateOptions {
  /** Hears how far a copying migration is. */
  onProgress?: (progress: CopyProgress) => void;
  /** Free bytes on the disk holding a directory (the file system's count by default). */
  freeBytes?: (dir: string) => number;
}

/** The database's schema cannot be used by this code; opening it would risk the data. */
export class CacheSchemaError extends Error {
  override name = 'CacheSchemaError';
}

export const migrationLabel = ({ version, name }: { version: number; name: string }): string => `${String(version).padStart(3, '0')}-${name}`;

const checksum = (sql: string): string => createHash('sha256').update(sql).digest('hex');

/**
 * Brings `db` (the file at `path`) up to the last of `migrations`, each in its own
 * transaction, and returns the labels it applied. Refuses a database whose applied migrations
 * were edited since, or that has migrations this code does not know (a newer Opsdeck made it).
 * Before a migration that copies a table, refuses (CacheSpaceError, nothing changed) when the
 * disk cannot hold the copy.
 */
export function migrate(db: Database, migrations: readonly Migration[], path: string, { onProgress = () => {}, freeBytes = freeDiskBytes }: MigrateOptions = {}): string[] {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration ${migrationLabel(migration)} is out of order: expected version ${index + 1}.`);
  });
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as Array<{
    version: number;
    name: string;
    checksum: string;
  }>;
  for (const row of applied) {
    const known = migrations[row.version - 1];
    if (known === undefined) {
      throw new CacheSchemaError(
        `The cache database ${path} has migration ${migrationLabel(row)}, which this version of Opsdeck does not know: a newer Opsdeck wrote it. ` +
          'Update Opsdeck, or delete the file to start an empty cache that the next sync refills.',
      );
    }
    if (checksum(known.sql) !== row.checksum) {
      throw new CacheSchemaError(
        `Migration ${migrationLabel(known)} was edited after it was applied to ${path}: its SQL no longer matches the checksum recorded there. ` +
          'Restore the migration as it was and add a new migration instead.',
      );
    }
  }

  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const appliedNow: string[] = [];
  const done = new Set(applied.map((row) => row.version));
  const pending = migrations.filter((candidate) => !done.has(candidate.version));
  // All before the first is applied: a refused upgrade leaves the cache as it was.
  for (const { copies, ...migration } of pending) {
    if (copies !== undefined) checkSpaceForCopy(db, copies, { migration: migrationLabel(migration), path, freeBytes });
  }
  for (const migration of pending) {
    const label = migrationLabel(migration);
    // IMMEDIATE and re-checked inside: another process may be migrating the same file.
    db.transaction(() => {
      if (isApplied.get(migration.version) !== undefined) return;
      if (migration.copies === undefined) db.exec(migration.sql);
      else runCopyWithProgress(db, migration.sql, migration.copies, label, onProgress);
      record.run(migration.version, migration.name, checksum(migration.sql), Date.now());
      appliedNow.push(label);
    }).immediate();
  }
  return appliedNow;
}
