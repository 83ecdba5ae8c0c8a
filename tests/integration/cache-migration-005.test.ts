// Migration 005 rebuilds audit_events in one transaction the first time an older cache opens:
// on a real cache left at migration 004, it reports its progress and refuses to start without
// the disk space the copy needs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { cacheDbPath } from '../../electron/services/cache/cache-paths.ts';
import { CacheSpaceError } from '../../electron/services/cache/table-copy.ts';
import type { CopyProgress } from '../../electron/services/cache/table-copy.ts';
import { cacheMigrations } from '../../electron/services/cache/migrations/index.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

const events = 12_000;
const log = () => {};

describe('migration 005 on a cache left at 004', () => {
  // A cache as Opsdeck left it before 005 existed: migrated to 004 and synced, closed cleanly.
  let older: ReturnType<typeof makeDataDir>;
  let olderPath: string;
  beforeAll(() => {
    older = makeDataDir();
    olderPath = cacheDbPath(older.path, 'older');
    const { db } = openCacheDb(olderPath, { log, migrations: cacheMigrations.slice(0, 4) });
    for (const page of inPages(receivedAuditEvents({ count: events }), 1000)) appendAuditPage(db, page);
    db.close();
  });
  afterAll(() => older.remove());

  let dir: ReturnType<typeof makeDataDir>;
  let path: string;
  beforeEach(() => {
    dir = makeDataDir();
    path = cacheDbPath(dir.path, 'older');
    mkdirSync(dirname(path));
    copyFileSync(olderPath, path);
  });
  afterEach(() => dir.remove());

  const schemaVersion = () => {
    const { db } = openCacheDb(path, { log, migrations: cacheMigrations.slice(0, 4) });
    const version = db.prepare('SELECT max(version) FROM schema_migrations').pluck().get();
    db.close();
    return version;
  };

  it('reports the rows copied as it goes, from 0 to all, and keeps every event', () => {
    const heard: CopyProgress[] = [];
    const { db } = openCacheDb(path, { log, migrating: { onProgress: (progress) => heard.push(progress) } });
    expect(heard.length).toBeGreaterThan(10);
    expect(heard[0]).toEqual({ migration: '005-audit-id-index', table: 'audit_events', copied: 0, total: events });
    expect(heard.at(-1)).toEqual({ migration: '005-audit-id-index', table: 'audit_events', copied: events, total: events });
    const copied = heard.map((progress) => progress.copied);
    expect(copied).toEqual([...copied].sort((a, b) => a - b));
    expect(copied.some((count) => count > 0 && count < events)).toBe(true);

    expect(db.prepare('SELECT count(*) AS count, min(seq) AS first, max(seq) AS last FROM audit_events').get()).toEqual({ count: events, first: 1, last: events });
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'audit_events_id'").pluck().get()).toBe(1);
    // The progress trigger was temporary: nothing of it is left in the schema.
    expect(db.prepare("SELECT count(*) FROM sqlite_temp_schema WHERE type = 'trigger'").pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('records the checksum of 005 as written, so the next open accepts it', () => {
    openCacheDb(path, { log }).db.close();
    const { db } = openCacheDb(path, { log });
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(cacheMigrations.length);
    db.close();
    expect(readFileSync(new URL('../../electron/services/cache/migrations/005-audit-id-index.ts', import.meta.url), 'utf8')).toContain('INSERT INTO audit_events_rebuilt SELECT * FROM audit_events ORDER BY seq;');
  });

  it('refuses to start without twice the table’s size free, saying how much is needed and free and where, and leaves the cache at 004', () => {
    let askedFor = '';
    const tooLittle = (checked: string) => {
      askedFor = checked;
      return 1_000_000;
    };
    let error: unknown;
    try {
      openCacheDb(path, { log, migrating: { freeBytes: tooLittle } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CacheSpaceError);
    const message = (error as Error).message;
    expect(askedFor).toBe(dirname(path));
    expect(message).toMatch(
      new RegExp(
        `^Cannot upgrade the cache database ${path}: migration 005-audit-id-index copies the audit_events table \\((\\d+\\.\\d) MB\\) and needs about (\\d+\\.\\d) MB free in ${dirname(path)}, but only 1\\.0 MB is free there\\. Free some disk space and open the profile again; the cache was not changed\\.$`,
      ),
    );
    const [, table, needed] = /\((\d+\.\d) MB\) and needs about (\d+\.\d) MB/.exec(message)!;
    expect(Number(needed)).toBeCloseTo(2 * Number(table), 0);
    expect(Number(table)).toBeGreaterThan(5); // 12,000 events of about 700 bytes, with their indexes
    expect(schemaVersion()).toBe(4);

    // With the space, the same file upgrades.
    const { db } = openCacheDb(path, { log, migrating: { freeBytes: () => 10 ** 12 } });
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(cacheMigrations.length);
    db.close();
  });

  it('upgrades with the disk’s real free space, measured by default', () => {
    const { db } = openCacheDb(path, { log });
    expect(db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(events);
    db.close();
  });

  // A real small disk where the system lets this process mount one (root on Linux; skipped elsewhere).
  it.runIf(canMountTmpfs())('on a real disk too small for the copy, the real free space refuses it, a copy started anyway rolls back, and the cache stays at 004', () => {
    const disk = `${dir.path}/small-disk`;
    mkdirSync(disk);
    // Room for the file and 2 MB more: far less than the copy needs.
    const size = Math.ceil(statSync(olderPath).size / 2 ** 20) + 2;
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}m`, 'tmpfs', disk]).status).toBe(0);
    try {
      const onDisk = `${disk}/cache/older.sqlite`;
      mkdirSync(dirname(onDisk));
      copyFileSync(olderPath, onDisk);
      expect(() => openCacheDb(onDisk, { log })).toThrow(new RegExp(`needs about [\\d.]+ MB free in ${disk}/cache, but only [\\d.]+ MB is free there`));
      const expectAt004 = () => {
        const { db } = openCacheDb(onDisk, { log, migrations: cacheMigrations.slice(0, 4) });
        expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(4);
        expect(db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(events);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
      };
      expectAt004();
      // Had the check let it start (the disk filled meanwhile), the full disk stops the copy and its transaction rolls back whole.
      expect(() => openCacheDb(onDisk, { log, migrating: { freeBytes: () => 10 ** 12 } })).toThrow(/disk is full/);
      expectAt004();
    } finally {
      spawnSync('umount', [disk]);
    }
  });
});

function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = makeDataDir('opsdeck-mount-probe-');
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe.path]).status !== 0) return false;
    spawnSync('umount', [probe.path]);
    return true;
  } finally {
    probe.remove();
  }
}
