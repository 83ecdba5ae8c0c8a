import type { Database } from 'better-sqlite3';

/**
 * Drops a table's secondary indexes (but those named in `keep`) for a bulk load, remembering
 * their definitions. Keeping ten indexes current row by row costs most of the write time;
 * building them once after the load is several times faster.
 */
export function deferIndexes(db: Database, table: string, { keep = [] }: { keep?: readonly string[] } = {}): void {
  db.transaction(() => {
    const indexes = (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as Array<{ name: string; sql: string }>).filter(
      ({ name }) => !keep.includes(name),
    );
    const remember = db.prepare('INSERT OR REPLACE INTO deferred_indexes (name, sql) VALUES (?, ?)');
    for (const { name, sql } of indexes) {
      remember.run(name, sql);
      db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
    }
  })();
}

/** How far a rebuild is: indexes built of the total, and the one being built (null once all are). */
export interface IndexBuildProgress {
  built: number;
  total: number;
  building: string | null;
}

/**
 * Rebuilds every deferred index (after a load, or after one that was killed); returns how many.
 * SQLite tells nothing while it builds one index, so progress comes before each and at the end.
 */
export function restoreDeferredIndexes(db: Database, { onProgress }: { onProgress?: (progress: IndexBuildProgress) => void } = {}): number {
  const deferred = db.prepare('SELECT name, sql FROM deferred_indexes').all() as Array<{ name: string; sql: string }>;
  const total = deferred.length;
  const tables = [...new Set(deferred.map(({ sql }) => /\bON\s+"?(\w+)"?/i.exec(sql)![1]!))];
  // The other core is free by then: a helper thread sorts for the sorter. The sorter keeps a
  // cache's worth of keys in memory and sorts that on this thread; with a small cache it hands
  // runs of keys to the helper as it goes, so both cores sort (9 indexes of 1M events: 6.8 s
  // with the 128 MB cache, 4.0 s with 4 MB).
  const threads = db.pragma('threads', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('threads = 2');
  db.pragma('cache_size = -4096');
  try {
    db.transaction(() => {
      deferred.forEach(({ name, sql }, built) => {
        onProgress?.({ built, total, building: name });
        db.exec(sql);
      });
      db.prepare('DELETE FROM deferred_indexes').run();
    })();
  } finally {
    db.pragma(`threads = ${threads}`);
    db.pragma(`cache_size = ${cacheSize}`);
  }
  if (deferred.length > 0) {
    // A sample is enough for the planner; a full ANALYZE (STAT4) of a million rows takes a second.
    // Only the rebuilt tables: measured while still empty, the full-text index's own tables
    // would look tiny, and FTS5 filling them then reads several times more pages.
    db.pragma('analysis_limit = 1000');
    for (const table of tables) db.exec(`ANALYZE "${table}"`);
  }
  onProgress?.({ built: total, total, building: null });
  return total;
}
