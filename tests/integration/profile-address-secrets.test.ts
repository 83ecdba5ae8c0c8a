// A secret typed into an address instead of its own field is refused before anything is saved:
// profiles.json is plain text, and only the keychain may hold a token or password.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import type { ConsoleServices } from '../../electron/services/console-services.ts';
import { createDispatch } from '../../electron/services/dispatch.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

const dataDir = makeDataDir();
let services: ConsoleServices;
let call: ReturnType<typeof createDispatch>;
beforeAll(() => {
  services = createConsoleServices({ dataDir: dataDir.path, host: 'web', version: 'test', demo: null });
  call = createDispatch(services.handlers, () => {});
});
afterAll(async () => {
  await services.close();
  dataDir.remove();
});

const draft = { kind: 'ops-api', name: 'Leaky', environment: 'staging', color: null, tokenStorage: 'session', token: 'a-real-token' };
const options = { proxyUrl: null, caFile: null, timeoutMs: 5_000 };

it.each([
  ['a token as the base URL’s user', { baseUrl: 'https://tok-in-url-5f2a9c@ops.example.com', options }, "field 'baseUrl': without a user name or password: give the token in the Token field"],
  ['a user and password in the base URL', { baseUrl: 'https://admin:pw-in-url-77c1@ops.example.com', options }, "field 'baseUrl': without a user name or password"],
  ['a password in the proxy URL', { baseUrl: 'https://ops.example.com', options: { ...options, proxyUrl: 'http://me:proxy-pw-31d0@proxy.internal:3128' } }, "field 'options.proxyUrl': without a password"],
])('refuses %s, naming the field, and saves nothing', async (_what, addresses, message) => {
  const result = await call('profiles/save', { ...draft, ...addresses });
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  const text = (result as { error: { message: string } }).error.message;
  expect(text).toContain(message);
  expect(text).not.toMatch(/tok-in-url|pw-in-url|proxy-pw/);
  expect((await call('profiles/list', {})) as { value: { profiles: unknown[] } }).toMatchObject({ value: { profiles: [] } });
  const profilesFile = join(dataDir.path, 'profiles.json');
  if (existsSync(profilesFile)) expect(readFileSync(profilesFile, 'utf8')).not.toMatch(/tok-in-url|pw-in-url|proxy-pw/);
});

it('still saves a proxy with a user name only, which is no secret', async () => {
  const result = await call('profiles/save', { ...draft, baseUrl: 'https://ops.example.com', options: { ...options, proxyUrl: 'http://me@proxy.internal:3128' } });
  expect(result).toMatchObject({ ok: true });
});
