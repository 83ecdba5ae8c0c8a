// A profile's cache at rest: encrypted with SQLCipher when its cipher says so, converted when
// that changes, and refused (never moved aside or recreated) when the key does not open it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CacheCipher } from '../../electron/services/cache/cache-cipher.ts';
import { newCacheKey } from '../../electron/services/cache/cache-cipher.ts';
import { cacheDbPath } from '../../electron/services/cache/cache-paths.ts';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { openReaderDb } from '../../electron/services/reader/open-reader-db.ts';
import { receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const events = [...receivedAuditEvents({ count: 300 })];
const email = events.map(({ event }) => event.actor.email).find((value): value is string => typeof value === 'string' && value.includes('@'))!;
const key = newCacheKey();
const encrypted: CacheCipher = { profileId: 'acme', key, encrypt: true };
const plainWithKey: CacheCipher = { profileId: 'acme', key, encrypt: false };
const log = () => {};

/** A profile cache holding the 300 events, closed. */
function cacheWithEvents(cipher: CacheCipher): string {
  const dir = makeDataDir('opsdeck-cache-enc-');
  cleanups.push(dir.remove);
  const path = cacheDbPath(dir.path, 'acme');
  const { db } = openCacheDb(path, { log, cipher });
  appendAuditPage(db, events);
  db.close();
  return path;
}

/** The cache's bytes on disk, with its log if one is left: what someone who copies the files gets. */
const onDisk = (path: string) => Buffer.concat(['', '-wal'].filter((suffix) => existsSync(path + suffix)).map((suffix) => readFileSync(path + suffix)));
const eventCount = (path: string, cipher: CacheCipher) => {
  const db = openReaderDb(path, cipher)!;
  try {
    return db.prepare('SELECT count(*) FROM audit_events').pluck().get();
  } finally {
    db.close();
  }
};

describe('the cache at rest', () => {
  it('holds a known e-mail in plain text when not encrypted, and nowhere on disk when encrypted', () => {
    expect(onDisk(cacheWithEvents(plainWithKey)).includes(email)).toBe(true);
    const path = cacheWithEvents(encrypted);
    expect(onDisk(path).includes(email)).toBe(false);
    expect(onDisk(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(eventCount(path, encrypted)).toBe(events.length);
  });

  it('refuses a wrong key with the profile and what to do, and leaves the file where it is', () => {
    const path = cacheWithEvents(encrypted);
    const before = readFileSync(path);
    const wrong: CacheCipher = { profileId: 'acme', key: newCacheKey(), encrypt: true };
    expect(() => openCacheDb(path, { log, cipher: wrong })).toThrow(/cache of profile 'acme' cannot be opened: the key in the OS keychain does not decrypt .*restore the keychain entry/);
    expect(() => openReaderDb(path, wrong)).toThrow(/profile 'acme'.*does not decrypt/);
    expect(readdirSync(dirname(path)).filter((name) => !/^acme\.sqlite-(wal|shm)$/.test(name))).toEqual(['acme.sqlite']);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(eventCount(path, encrypted)).toBe(events.length);
  });

  it('refuses an encrypted cache whose key is missing, naming the keychain entry', () => {
    const path = cacheWithEvents(encrypted);
    const noKey: CacheCipher = { profileId: 'acme', key: null, encrypt: true };
    expect(() => openCacheDb(path, { log, cipher: noKey })).toThrow(/cache of profile 'acme' cannot be opened: it is encrypted .* its key is not in the OS keychain; unlock .*'opsdeck-cache-key\/acme'/);
    expect(existsSync(path)).toBe(true);
  });

  it('never puts the key in an error message', () => {
    const path = cacheWithEvents(encrypted);
    const wrong: CacheCipher = { profileId: 'acme', key: newCacheKey(), encrypt: true };
    for (const cipher of [wrong, { ...wrong, key: null }]) {
      const error = (() => {
        try {
          openCacheDb(path, { log, cipher });
        } catch (caught) {
          return caught as Error;
        }
        return null;
      })();
      expect(error).not.toBeNull();
      expect(`${error!.message} ${error!.stack}`).not.toContain(key);
      if (cipher.key !== null) expect(`${error!.message} ${error!.stack}`).not.toContain(cipher.key);
    }
  });

  it('encrypts a plain cache when its profile turns encryption on, and decrypts it when turned off, keeping every event', () => {
    const path = cacheWithEvents(plainWithKey);
    const on = openCacheDb(path, { log, cipher: encrypted });
    expect(on.converted).toBe('encrypted');
    expect(on.db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(events.length);
    on.db.close();
    expect(onDisk(path).includes(email)).toBe(false);

    const off = openCacheDb(path, { log, cipher: plainWithKey });
    expect(off.converted).toBe('decrypted');
    expect(off.db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(events.length);
    expect(off.db.pragma('integrity_check', { simple: true })).toBe('ok');
    off.db.close();
    expect(onDisk(path).includes(email)).toBe(true);
    expect(readdirSync(dirname(path)).filter((name) => !name.startsWith('acme.sqlite-'))).toEqual(['acme.sqlite']);
  });

  it('leaves the cache as it is while another connection has it open, and converts it on a later open', () => {
    const path = cacheWithEvents(plainWithKey);
    const reader = openReaderDb(path, plainWithKey)!;
    reader.prepare('SELECT count(*) FROM audit_events').get();
    const messages: string[] = [];
    const busy = openCacheDb(path, { log: (message) => messages.push(message), cipher: encrypted });
    expect(busy.converted).toBeNull();
    expect(messages.join()).toMatch(/profile 'acme' is to be encrypted, but another connection has it open/);
    expect(busy.db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(events.length);
    busy.db.close();
    reader.close();

    const later = openCacheDb(path, { log, cipher: encrypted });
    expect(later.converted).toBe('encrypted');
    later.db.close();
    expect(onDisk(path).includes(email)).toBe(false);
  });

  it('a conversion cut short leaves the cache whole, and its half-written copy is removed on the next open', () => {
    const path = cacheWithEvents(plainWithKey);
    writeFileSync(`${path}.converting`, 'half a copy');
    const { db, converted } = openCacheDb(path, { log, cipher: encrypted });
    expect(converted).toBe('encrypted');
    expect(db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(events.length);
    db.close();
    expect(existsSync(`${path}.converting`)).toBe(false);
  });
});
