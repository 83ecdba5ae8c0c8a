import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { cacheDbPath } from '../../electron/services/cache/cache-paths.ts';
import { cacheMigrations } from '../../electron/services/cache/migrations/index.ts';
import { moveDbAside } from '../../electron/services/cache/move-db-aside.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

describe('opening a cache database', () => {
  let dir: ReturnType<typeof makeDataDir>;
  let path: string;
  let warnings: string[];
  const log = (message: string) => warnings.push(message);
  const at = new Date('2026-11-23T10:11:12.345Z');
  beforeEach(() => {
    dir = makeDataDir();
    path = cacheDbPath(dir.path, 'prod-eu');
    warnings = [];
  });
  afterEach(() => dir.remove());

  it('creates <dataDir>/cache/<profileId>.sqlite in WAL mode with foreign keys and a busy timeout', () => {
    expect(path).toBe(`${dir.path}/cache/prod-eu.sqlite`);
    const { db, recovered } = openCacheDb(path, { log });
    expect(recovered).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('page_size', { simple: true })).toBe(65536);
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    db.close();
    expect(warnings).toEqual([]);
  });

  it('refuses a profile id that cannot be a file name', () => {
    expect(() => cacheDbPath(dir.path, '../other')).toThrow(`Profile id "../other" cannot name a cache file`);
  });

  it('moves a file of garbage aside and opens a fresh cache', () => {
    openCacheDb(path, { log }).db.close();
    const garbage = Buffer.alloc(200_000, 'not a database, just bytes ');
    writeFileSync(path, garbage);
    const { db, recovered } = openCacheDb(path, { log, now: () => at });
    const movedTo = `${path}.corrupt-2026-11-23T10-11-12-345Z`;
    expect(recovered).toEqual({ movedTo, reason: 'file is not a database' });
    expect(readFileSync(movedTo)).toEqual(garbage);
    expect(warnings).toEqual([
      `Cache database ${path} is damaged (file is not a database); moved it to ${movedTo} and starting an empty cache, which the next sync refills.`,
    ]);
    expect(db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(0);
    db.close();
  });

  it('moves a truncated database aside, and the new cache works', () => {
    const { db } = openCacheDb(path, { log });
    for (const page of inPages(receivedAuditEvents({ count: 3000 }), 1000)) appendAuditPage(db, page);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    truncateSync(path, Math.floor(statSync(path).size / 2));

    const opened = openCacheDb(path, { log, now: () => at });
    expect(opened.recovered?.movedTo).toBe(`${path}.corrupt-2026-11-23T10-11-12-345Z`);
    expect(opened.recovered?.reason).toMatch(/malformed|quick_check/);
    expect(existsSync(opened.recovered!.movedTo)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(path);
    const [first] = inPages(receivedAuditEvents({ count: 10 }), 10);
    appendAuditPage(opened.db, first!);
    expect(opened.db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(10);
    opened.db.close();
  });

  it('moves a database aside with its -wal and -shm, deleting nothing', () => {
    mkdirSync(dirname(path), { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) writeFileSync(path + suffix, `bytes${suffix}`);
    const movedTo = moveDbAside(path, at);
    for (const suffix of ['', '-wal', '-shm']) {
      expect(existsSync(path + suffix)).toBe(false);
      expect(readFileSync(movedTo + suffix, 'utf8')).toBe(`bytes${suffix}`);
    }
  });
  it('moves the id uniqueness of a cache made before migration 5 into an index a bulk load can defer, keeping every event', () => {
    const before = openCacheDb(path, { log, migrations: cacheMigrations.slice(0, 4) }).db;
    const events = [...receivedAuditEvents({ count: 1500 })];
    for (const page of inPages(events, 500)) appendAuditPage(before, page);
    const rawBefore = before.prepare('SELECT seq, raw FROM audit_events ORDER BY seq').all();
    before.close();

    const { db } = openCacheDb(path, { log });
    expect(db.prepare('SELECT seq, raw FROM audit_events ORDER BY seq').all()).toEqual(rawBefore);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'audit_events'").pluck().all();
    expect(indexes).toContain('audit_events_id');
    expect(indexes.filter((name) => String(name).startsWith('sqlite_autoindex'))).toEqual([]);
    const repeat = { ...events[0]!, event: { ...events[0]!.event, seq: 1501 } };
    expect(() => appendAuditPage(db, [repeat])).toThrow(/UNIQUE constraint failed: audit_events\.id/);
    db.close();
  });

  describe('the full quick_check runs only after an unclean close', () => {
    /** A cache whose action index has a damaged page: the header and the tables still read, only quick_check sees it. */
    function closedCacheWithDamagedIndex(): void {
      const { db } = openCacheDb(path, { log });
      for (const page of inPages(receivedAuditEvents({ count: 3000 }), 1000)) appendAuditPage(db, page);
      const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'audit_events_action'").pluck().get() as number;
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.close();
      expect(existsSync(`${path}-wal`)).toBe(false); // a clean close checkpoints and removes the log
      const file = openSync(path, 'r+');
      writeSync(file, Buffer.alloc(32), 0, 32, (root - 1) * pageSize + 12); // zeroes its cell pointers
      closeSync(file);
    }

    it('after a clean close the cache opens without it, damage and all', () => {
      closedCacheWithDamagedIndex();
      const { db, recovered } = openCacheDb(path, { log });
      expect(recovered).toBeNull();
      db.close();
    });

    it('after a process was killed with the cache open, it finds the damage and moves the file aside', () => {
      closedCacheWithDamagedIndex();
      const killed = spawnSync(
        process.execPath,
        ['-e', "const db = new (require('better-sqlite3'))(process.argv[1]); db.prepare(\"INSERT INTO sync_state (resource) VALUES ('tenants')\").run(); process.kill(process.pid, 'SIGKILL');", path],
        { encoding: 'utf8' },
      );
      expect(killed.signal).toBe('SIGKILL');
      expect(existsSync(`${path}-wal`)).toBe(true);

      const { db, recovered } = openCacheDb(path, { log, now: () => at });
      expect(recovered?.reason).toMatch(/^quick_check: /);
      expect(db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(0);
      db.close();
    });
  });
});
