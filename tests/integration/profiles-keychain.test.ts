import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import { createDispatch } from '../../electron/services/dispatch.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { assertSecretServiceSession, secretToolLookup } from '../fixtures/secret-tool.ts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
beforeAll(assertSecretServiceSession);

function console() {
  const dataDir = makeDataDir();
  const services = createConsoleServices({ dataDir: dataDir.path, host: 'web', version: 'test', demo: null });
  const call = createDispatch(services.handlers, () => {});
  cleanups.push(dataDir.remove, () => services.close());
  return { dataDir: dataDir.path, call, services };
}

const draft = {
  kind: 'ops-api' as const,
  name: 'Acme Production',
  baseUrl: 'https://ops.acme.example',
  environment: 'prod' as const,
  color: null,
  options: { proxyUrl: null, caFile: null, timeoutMs: 15_000 },
};

function allFilesText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('profiles and the OS keychain', () => {
  it('keeps the token in the Secret Service and nowhere in the data dir', async () => {
    const { call, dataDir } = console();
    const token = `tok_${crypto.randomUUID()}`;
    const saved = await call('profiles/save', { ...draft, token });
    expect(saved).toMatchObject({ ok: true, value: { activeId: 'acme-production', keychain: { available: true } } });
    const state = (saved as { value: { profiles: Array<Record<string, unknown>> } }).value;
    expect(state.profiles[0]).toMatchObject({ id: 'acme-production', token: 'keychain' });
    expect(JSON.stringify(state)).not.toContain(token);
    cleanups.push(() => call('profiles/remove', { id: 'acme-production', deleteCache: true }));

    expect(secretToolLookup('acme-production')).toBe(token);
    expect(allFilesText(dataDir)).not.toContain(token);
    expect(JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')).profiles[0]).not.toHaveProperty('token');
  });

  it('keeps the saved token when a profile is edited without one, and replaces it when given', async () => {
    const { call } = console();
    await call('profiles/save', { ...draft, name: 'Edit me', token: 'first-token' });
    cleanups.push(() => call('profiles/remove', { id: 'edit-me', deleteCache: true }));
    await call('profiles/save', { ...draft, id: 'edit-me', name: 'Edited', environment: 'staging' });
    expect(secretToolLookup('edit-me')).toBe('first-token');
    await call('profiles/save', { ...draft, id: 'edit-me', name: 'Edited', token: 'second-token' });
    expect(secretToolLookup('edit-me')).toBe('second-token');
  });

  it('removing a profile deletes its keychain entry', async () => {
    const { call } = console();
    await call('profiles/save', { ...draft, name: 'Short lived', token: 'gone-soon' });
    expect(secretToolLookup('short-lived')).toBe('gone-soon');
    const removed = await call('profiles/remove', { id: 'short-lived', deleteCache: false });
    expect(removed).toMatchObject({ ok: true, value: { profiles: [], activeId: null } });
    expect(secretToolLookup('short-lived')).toBeNull();
  });

  it('a session-only token is kept in memory, not in the keychain', async () => {
    const { call, dataDir } = console();
    await call('profiles/save', { ...draft, name: 'Session', token: 'session-secret', tokenStorage: 'session' });
    cleanups.push(() => call('profiles/remove', { id: 'session', deleteCache: true }));
    const state = await call('profiles/list', {});
    expect(state).toMatchObject({ ok: true, value: { profiles: [{ id: 'session', token: 'session' }] } });
    expect(secretToolLookup('session')).toBeNull();
    expect(allFilesText(dataDir)).not.toContain('session-secret');
  });

  it('names the bad field when a profile is invalid, and saves nothing', async () => {
    const { call } = console();
    const result = await call('profiles/save', { ...draft, baseUrl: 'ftp://nope', token: 'never-stored' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((result as { error: { message: string } }).error.message).toContain("field 'baseUrl'");
    expect(await call('profiles/list', {})).toMatchObject({ ok: true, value: { profiles: [] } });
  });
});

describe('without a keychain', () => {
  it('says so plainly and offers a session-only token, never a file', () => {
    const dataDir = makeDataDir();
    cleanups.push(dataDir.remove);
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: '', OPSDECK_DATA_DIR: dataDir.path };
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/no-keychain-session.ts'], { env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report.keychain).toMatchObject({ available: false });
    const { detail, error } = report.keychain as { detail: string; error: string };
    // One sentence in the user's words, saying what to do; libsecret's D-Bus text only behind "details".
    expect(detail).toBe(
      'No keychain available: this session has no D-Bus session bus for the Secret Service, so tokens are kept for this session only; start Opsdeck from a desktop session (or inside dbus-run-session with gnome-keyring-daemon unlocked) to save them.',
    );
    expect(detail).not.toMatch(/Platform failure|X11|autolaunch/);
    expect(error).toMatch(/D-?Bus/i);
    expect(report.keychainSave).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(report.sessionSave).toMatchObject({ ok: true, value: { profiles: [{ id: 'no-keychain', token: 'session' }] } });
    expect(allFilesText(dataDir.path)).not.toContain('plain-text-would-be-bad');
  });
});
