import type { Database } from 'better-sqlite3';
import { markSynced } from './sync-state.ts';
import type { SyncMark } from './sync-state.ts';

export type SqlValue = string | number | null;

/** How one kind of synced item is stored: its table, its columns, and the row of an item. */
export interface CacheTable<T> {
  name: string;
  columns: readonly string[];
  /** true: a newer copy replaces the cached row (snapshots); false: a second copy is an error (audit events). */
  replace: boolean;
  row(item: T, syncedAt: number): Record<string, SqlValue>;
}

/** Items bound to their table, ready to be written inside writeSynced's transaction. */
export interface RowsWrite {
  write(db: Database, syncedAt: number): void;
}

/** An item's row as values in its table's column order: what crosses a thread cheaply. */
export function rowValues<T>(table: CacheTable<T>, item: T, syncedAt: number): SqlValue[] {
  const row = table.row(item, syncedAt);
  return table.columns.map((column) => row[column] ?? null);
}

/** Rows already in column order (see rowValues), bound to their table. */
export function valuesOf(table: Omit<CacheTable<never>, 'row'>, rows: readonly SqlValue[][]): RowsWrite {
  return {
    write(db) {
      const verb = table.replace ? 'INSERT OR REPLACE' : 'INSERT';
      // Positional parameters: binding by name costs a lookup per column per row on the bulk path.
      const insert = db.prepare(`${verb} INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
      for (const values of rows) insert.run(values);
    },
  };
}

export function rowsOf<T>(table: CacheTable<T>, items: readonly T[]): RowsWrite {
  return {
    write(db, syncedAt) {
      valuesOf(table, items.map((item) => rowValues(table, item, syncedAt))).write(db, syncedAt);
    },
  };
}

/**
 * For a full snapshot: deletes the rows of `table` that the write before it in the same
 * transaction did not stamp with this sync's time, i.e. what the platform no longer lists.
 */
export function staleRowsOf(table: Pick<CacheTable<unknown>, 'name'>, stampColumn = 'synced_at'): RowsWrite {
  return {
    write(db, syncedAt) {
      db.prepare(`DELETE FROM ${table.name} WHERE ${stampColumn} <> ?`).run(syncedAt);
    },
  };
}

/**
 * Writes the rows and advances the resource's sync state in one transaction: after a crash
 * the cache holds either both or neither, so the sync resumes with no gap and no duplicate.
 */
export function writeSynced(db: Database, mark: SyncMark, writes: readonly RowsWrite[]): void {
  db.transaction(() => {
    for (const rows of writes) rows.write(db, mark.at);
    markSynced(db, mark);
  })();
}

/**
 * For a snapshot with a full-text index over its table: the index made anew from the rows just
 * written (INSERT OR REPLACE fires no delete trigger, so triggers could not keep it exact).
 */
export function rebuiltText(ftsTable: string): RowsWrite {
  return {
    write(db) {
      db.prepare(`INSERT INTO ${ftsTable} (${ftsTable}) VALUES ('rebuild')`).run();
    },
  };
}
