// Cache encryption through the console, as the app runs it: a prod profile's cache is encrypted
// with a key the OS keychain holds (run under the D-Bus session `npm test` starts), read by the
// reader thread and written by the sync thread, converted when the profile's setting changes,
// and refused with a clear reason when the keychain's key does not open it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AsyncEntry } from '@napi-rs/keyring';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheKeyService } from '../../electron/services/credentials/cache-key-store.ts';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import { newCacheKey } from '../../electron/services/cache/cache-cipher.ts';
import type { ConsoleHandlers, ProfilesState, SyncStatus } from '../../shared/console-api/index.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { assertSecretServiceSession } from '../fixtures/secret-tool.ts';
import { bytesIfPresent } from '../fixtures/bytes-if-present.ts';

let platform: TestPlatform;
beforeAll(async () => {
  assertSecretServiceSession();
  platform = await startTestPlatform({ tenants: 10, events: 3_000 });
}, 60_000);
afterAll(() => platform.stop());

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const keyEntry = (profileId: string) => new AsyncEntry(cacheKeyService, profileId, { linux: { store: 'secret-service' } });
const options = { proxyUrl: null, caFile: null, timeoutMs: 10_000 };
const tokenStorage = 'keychain' as const;

function startConsole(dataDir: string) {
  const services = createConsoleServices({ dataDir, host: 'web', version: 'test', demo: null });
  let closed = false;
  const close = async () => {
    if (!closed) await services.close();
    closed = true;
  };
  cleanups.push(close);
  return { api: services.handlers, close };
}

/** Every byte under the profile's cache files: the database, its log, anything left beside it. */
function cacheBytes(dataDir: string): Buffer {
  const dir = join(dataDir, 'cache');
  return Buffer.concat(readdirSync(dir).map((name) => bytesIfPresent(join(dir, name))));
}

async function syncedEmail(api: ConsoleHandlers): Promise<string> {
  // The cache holds the 90-day window of the platform's history once the first audit sync succeeded.
  await expect.poll(async () => (await api['sync/status']({})).resources.find((entry) => entry.resource === 'audit')?.lastSuccessAt ?? null, { timeout: 30_000 }).not.toBeNull();
  expect((await api['audit/search']({ q: '', limit: 10, withTotal: true })).total).toBeGreaterThan(100);
  const { rows } = await api['audit/search']({ q: '', limit: 200, withTotal: false });
  return rows.map((row) => row.actorEmail).find((email): email is string => email !== null && email.includes('@'))!;
}

const activeProfile = (state: ProfilesState) => state.profiles.find((profile) => profile.id === state.activeId)!;

describe('cache encryption with the key in the OS keychain', () => {
  it('encrypts a prod profile’s cache by default, its key only in the keychain; turned off, the cache is decrypted in place with every event', { timeout: 120_000 }, async () => {
    const dataDir = makeDataDir();
    cleanups.push(dataDir.remove);
    const { api } = startConsole(dataDir.path);
    const saved = await api['profiles/save']({ kind: 'ops-api', name: 'Acme prod', baseUrl: platform.url, environment: 'prod', color: null, options, token: platform.tokens.full, tokenStorage });
    const id = saved.activeId!;
    cleanups.push(() => keyEntry(id).deleteCredential());

    const email = await syncedEmail(api);
    const key = await keyEntry(id).getPassword();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(activeProfile(await api['profiles/list']({})).cacheEncrypted).toBe(true);
    expect(cacheBytes(dataDir.path).includes(email)).toBe(false);
    // The key reached the worker threads and nothing else: not a file of the data dir, the log included.
    const everything = readdirSync(dataDir.path, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    for (const entry of everything) expect(bytesIfPresent(join(entry.parentPath, entry.name)).includes(key!), entry.name).toBe(false);
    expect(JSON.stringify(await api['profiles/list']({}))).not.toContain(key);
    const total = (await api['audit/search']({ q: '', limit: 1, withTotal: true })).total!;

    await api['profiles/save']({ kind: 'ops-api', id, name: 'Acme prod', baseUrl: platform.url, environment: 'prod', color: null, options, cacheEncryption: 'off', tokenStorage });
    await expect.poll(async () => activeProfile(await api['profiles/list']({})).cacheEncrypted, { timeout: 30_000 }).toBe(false);
    expect(cacheBytes(dataDir.path).includes(email)).toBe(true);
    expect((await api['audit/search']({ q: '', limit: 1, withTotal: true })).total).toBeGreaterThanOrEqual(total);

    await api['profiles/save']({ kind: 'ops-api', id, name: 'Acme prod', baseUrl: platform.url, environment: 'prod', color: null, options, cacheEncryption: 'on', tokenStorage });
    await expect.poll(async () => activeProfile(await api['profiles/list']({})).cacheEncrypted, { timeout: 30_000 }).toBe(true);
    expect(cacheBytes(dataDir.path).includes(email)).toBe(false);
    expect((await api['audit/search']({ q: '', limit: 1, withTotal: true })).total).toBeGreaterThanOrEqual(total);
  });

  it('a staging profile’s cache stays plain', { timeout: 60_000 }, async () => {
    const dataDir = makeDataDir();
    cleanups.push(dataDir.remove);
    const { api } = startConsole(dataDir.path);
    const saved = await api['profiles/save']({ kind: 'ops-api', name: 'Acme staging', baseUrl: platform.url, environment: 'staging', color: null, options, token: platform.tokens.full, tokenStorage });
    const email = await syncedEmail(api);
    expect(cacheBytes(dataDir.path).includes(email)).toBe(true);
    expect(await keyEntry(saved.activeId!).getPassword()).toBeNull();
  });

  it('with a wrong key in the keychain the sync and the views say which profile and what to do; the cache is neither moved nor recreated', { timeout: 120_000 }, async () => {
    const dataDir = makeDataDir();
    cleanups.push(dataDir.remove);
    const first = startConsole(dataDir.path);
    const saved = await first.api['profiles/save']({ kind: 'ops-api', name: 'Acme keyed', baseUrl: platform.url, environment: 'prod', color: null, options, token: platform.tokens.full, tokenStorage });
    const id = saved.activeId!;
    cleanups.push(() => keyEntry(id).deleteCredential());
    await syncedEmail(first.api);
    await first.close();
    const cacheFiles = () => readdirSync(join(dataDir.path, 'cache')).filter((name) => !/\.open-|-(wal|shm)$/.test(name));
    const before = cacheFiles();
    expect(before).toEqual([`${id}.sqlite`]);

    await keyEntry(id).setPassword(newCacheKey());
    const { api, close } = startConsole(dataDir.path);
    await expect.poll(async () => ((await api['sync/status']({})) as SyncStatus).reason, { timeout: 20_000 }).toMatch(/cache of profile 'acme-keyed' cannot be opened: the key in the OS keychain does not decrypt .*; restore the keychain entry/);
    await expect(api['audit/search']({ q: '', limit: 10, withTotal: false })).rejects.toThrow(/profile 'acme-keyed'.*does not decrypt/);
    expect(cacheFiles()).toEqual(before);
    expect((await api['sources/list']({})).sources.map((source) => source.id)).not.toContain(`profile:${id}`); // the list still answers

    await keyEntry(id).deleteCredential();
    await close();
    const restarted = startConsole(dataDir.path);
    await expect.poll(async () => ((await restarted.api['sync/status']({})) as SyncStatus).reason, { timeout: 20_000 }).toMatch(/it is encrypted .* and its key is not in the OS keychain/);
    await expect(restarted.api['audit/search']({ q: '', limit: 10, withTotal: false })).rejects.toThrow(/profile 'acme-keyed'.*its key is not in the OS keychain/);
    expect((await restarted.api['sources/list']({})).sources.map((source) => source.id)).not.toContain(`profile:${id}`);
    expect(existsSync(join(dataDir.path, 'cache', `${id}.sqlite`))).toBe(true);
  });
});
