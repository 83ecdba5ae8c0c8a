import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/services/cache/migrate.ts';
import type { Migration } from '../../electron/services/cache/migrate.ts';
import { cacheMigrations } from '../../electron/services/cache/migrations/index.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

// A migration after the real ones, as the next release would add it.
const current = cacheMigrations.length;
const label = (version: number) => String(version).padStart(3, '0');
const secondMigration: Migration = { version: current + 1, name: 'notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;' };

describe('cache migrations', () => {
  let dir: ReturnType<typeof makeDataDir>;
  let path: string;
  const log = () => {};
  beforeEach(() => {
    dir = makeDataDir();
    path = `${dir.path}/cache/p.sqlite`;
  });
  afterEach(() => dir.remove());

  it('applies each migration once, in its own recorded step, and is idempotent', () => {
    const first = openCacheDb(path, { log, migrations: [...cacheMigrations, secondMigration] }).db;
    expect(first.prepare('SELECT version, name, length(checksum) AS checksum FROM schema_migrations').all()).toEqual([
      ...cacheMigrations.map(({ version, name }) => ({ version, name, checksum: 64 })),
      { version: current + 1, name: 'notes', checksum: 64 },
    ]);
    expect(migrate(first, [...cacheMigrations, secondMigration], path)).toEqual([]);
    first.close();

    const again = openCacheDb(path, { log, migrations: [...cacheMigrations, secondMigration] }).db;
    expect(again.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(current + 1);
    expect(again.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'audit_events'").pluck().get()).toBe(1);
    again.close();
  });

  it('applies only the new migrations to an older database', () => {
    openCacheDb(path, { log }).db.close();
    const db = openCacheDb(path, { log }).db;
    expect(migrate(db, [...cacheMigrations, secondMigration], path)).toEqual([`${label(current + 1)}-notes`]);
    db.close();
  });

  it('refuses a database whose applied migration was edited since', () => {
    openCacheDb(path, { log }).db.close();
    const edited = cacheMigrations.map((migration) => ({ ...migration, sql: `${migration.sql}\nCREATE TABLE sneaky (id INTEGER);` }));
    expect(() => openCacheDb(path, { log, migrations: edited })).toThrow(
      `Migration 001-initial was edited after it was applied to ${path}: its SQL no longer matches the checksum recorded there. Restore the migration as it was and add a new migration instead.`,
    );
  });

  it('refuses a database made by a newer Opsdeck', () => {
    openCacheDb(path, { log, migrations: [...cacheMigrations, secondMigration] }).db.close();
    expect(() => openCacheDb(path, { log })).toThrow(`The cache database ${path} has migration ${label(current + 1)}-notes, which this version of Opsdeck does not know: a newer Opsdeck wrote it.`);
  });

  it('rolls a failing migration back whole and records nothing for it', () => {
    openCacheDb(path, { log }).db.close();
    const broken: Migration = { version: current + 1, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); INSERT INTO missing VALUES (1);' };
    expect(() => openCacheDb(path, { log, migrations: [...cacheMigrations, broken] })).toThrow(/no such table: missing/);
    const db = openCacheDb(path, { log }).db;
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(current);
    db.close();
  });

  it('rejects a registry with a gap', () => {
    expect(() => openCacheDb(path, { log, migrations: [...cacheMigrations, { ...secondMigration, version: current + 2 }] })).toThrow(
      `Migration ${label(current + 2)}-notes is out of order: expected version ${current + 1}.`,
    );
  });
});
