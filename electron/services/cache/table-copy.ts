import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';

/** A migration that copies a whole table into a new one, e.g. to rebuild it with other constraints. */
export interface TableCopy {
  /** The table whose rows are copied. */
  table: string;
  /** The table the migration creates and fills with them. */
  into: string;
}

/** How far a table copy is: rows copied of the rows the table held (counted in its rowid range: exact while rowids leave no gaps, as seqs do). */
export interface CopyProgress {
  migration: string;
  table: string;
  copied: number;
  total: number;
}

/** Not enough free disk space to run a migration: nothing was changed. */
export class CacheSpaceError extends Error {
  override name = 'CacheSpaceError';
}

/** Free bytes on the file system holding `dir`, as an unprivileged process may use them. */
export function freeDiskBytes(dir: string): number {
  const { bavail, bsize } = statfsSync(dir);
  return bavail * bsize;
}

/**
 * Refuses a copy that the disk cannot hold, before anything is written. It needs about twice
 * the table's size: the copy's own pages, and as much again in the write-ahead log until the
 * transaction is checkpointed.
 */
export function checkSpaceForCopy(db: Database, copy: TableCopy, { migration, path, freeBytes }: { migration: string; path: string; freeBytes: (dir: string) => number }): void {
  const needed = 2 * tableBytes(db, copy.table);
  const dir = dirname(path);
  const free = freeBytes(dir);
  if (free >= needed) return;
  throw new CacheSpaceError(
    `Cannot upgrade the cache database ${path}: migration ${migration} copies the ${copy.table} table (${formatBytes(needed / 2)}) and needs about ${formatBytes(needed)} free in ${dir}, ` +
      `but only ${formatBytes(free)} is free there. Free some disk space and open the profile again; the cache was not changed.`,
  );
}

/** Bytes in the pages of a table and its indexes. */
function tableBytes(db: Database, table: string): number {
  const sized = db
    .prepare("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE aggregate = 1 AND name IN (SELECT name FROM sqlite_schema WHERE tbl_name = ? AND type IN ('table', 'index'))")
    .pluck();
  return sized.get(table) as number;
}

const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];

function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * The progress trigger calls back once per this many rowids. Any trigger on the new table costs
 * the copy SQLite's transfer optimization (rows are decoded and encoded again instead of copied
 * as they are): about 1.5x the copy's time (npm run bench migration-progress), the price of
 * showing progress on a copy that otherwise says nothing for tens of seconds.
 */
const rowidsPerCall = 1024;

/**
 * Runs a copying migration's SQL statement by statement, exactly as written, reporting the rows
 * copied as they are (SQLite tells nothing while one INSERT ... SELECT runs): once the statement
 * creating `into` has run, a temporary trigger on it calls back every 1,024th rowid, and it is
 * dropped after the next statement, the one that filled the table. The statements must be plain ones separated by
 * ';' at a line's end (no trigger bodies).
 */
export function runCopyWithProgress(db: Database, sql: string, copy: TableCopy, migration: string, onProgress: (progress: CopyProgress) => void): void {
  // The rowid range, not count(*): both ends come from the b-tree's edges, while a count reads every page.
  const { first, last } = db.prepare(`SELECT min(rowid) AS first, max(rowid) AS last FROM "${copy.table}"`).get() as { first: number | null; last: number | null };
  const total = first === null || last === null ? 0 : last - first + 1;
  let reportedPercent = -1;
  const report = (copied: number) => {
    const percent = total === 0 ? 100 : Math.floor((copied * 100) / total);
    if (percent === reportedPercent) return;
    reportedPercent = percent;
    onProgress({ migration, table: copy.table, copied, total });
  };
  db.function('opsdeck_rowid_copied', { deterministic: false }, (rowid) => {
    report(Math.min(total, Number(rowid) - (first ?? 0) + 1));
    return null;
  });
  report(0);
  let counting = false;
  for (const statement of sql.split(/;[ \t]*\r?\n/).map((text) => text.trim()).filter((text) => text !== '')) {
    db.prepare(statement).run();
    if (new RegExp(`^CREATE TABLE\\s+"?${copy.into}"?\\s*\\(`, 'i').test(statement)) {
      db.exec(
        `CREATE TEMP TRIGGER opsdeck_copy_progress AFTER INSERT ON main."${copy.into}" WHEN (NEW.rowid % ${rowidsPerCall}) = 0 BEGIN SELECT opsdeck_rowid_copied(NEW.rowid); END`,
      );
      counting = true;
    } else if (counting) {
      db.exec('DROP TRIGGER temp.opsdeck_copy_progress');
      counting = false;
      report(total);
    }
  }
}
