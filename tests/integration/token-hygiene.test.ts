import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { assertSecretServiceSession, secretToolLookup } from '../fixtures/secret-tool.ts';

let platform: TestPlatform;
beforeAll(async () => {
  assertSecretServiceSession();
  platform = await startTestPlatform({ tenants: 10, events: 4_000 });
});
afterAll(() => platform.stop());

/** Every byte of every file under `dir`, SQLite files and their WAL included. */
function everyFileBytes(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name))),
  );
}

it('after a full session the token is in the keychain and nowhere in the data dir or the logs', async () => {
  const dataDir = makeDataDir();
  const token = platform.tokens.full;
  const serve = spawn(process.execPath, ['bin/opsdeck.mjs', 'serve', '--no-demo', '--data-dir', dataDir.path], { stdio: ['ignore', 'pipe', 'pipe'] });
  let logs = '';
  serve.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const url = await new Promise<string>((done) =>
    createInterface({ input: serve.stdout! }).on('line', (line) => {
      logs += `${line}\n`;
      const match = /running at (\S+)/.exec(line);
      if (match) done(match[1]!);
    }),
  );
  const cookie = (await fetch(url, { redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!;
  const origin = new URL(url).origin;
  const call = async (method: string, input: unknown) => {
    const response = await fetch(`${origin}/api/call/${method}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(input) });
    const text = await response.text();
    expect(text).not.toContain(token);
    return JSON.parse(text) as { ok: boolean; value: Record<string, unknown> };
  };

  try {
    const options = { proxyUrl: null, caFile: null, timeoutMs: 10_000 };
    expect((await call('profiles/test', { kind: 'ops-api', baseUrl: platform.url, token, options })).value).toMatchObject({ ok: true });
    expect((await call('profiles/test', { kind: 'ops-api', baseUrl: platform.url, token: `${token}x`, options })).value).toMatchObject({ ok: false });
    await call('profiles/save', { kind: 'ops-api', name: 'Hygiene', baseUrl: platform.url, environment: 'prod', color: null, options, token });
    await expect.poll(async () => ((await call('audit/search', { q: '', limit: 10 })).value.total as number) ?? 0, { timeout: 20_000 }).toBeGreaterThan(500);
    await call('audit/search', { q: 'outcome:failure action:user.*', limit: 50 });
    expect((await call('audit/search-platform', { q: 'outcome:denied', limit: 20 })).value).toMatchObject({ unsupported: null });
    expect(secretToolLookup('hygiene')).toBe(token);
  } finally {
    serve.kill('SIGTERM');
    await new Promise((done) => serve.on('exit', done));
  }

  expect(everyFileBytes(dataDir.path).includes(Buffer.from(token))).toBe(false);
  expect(logs).not.toContain(token);
  expect(logs).toContain('Opsdeck is running at');
  dataDir.remove();
  spawnSync('secret-tool', ['clear', 'service', 'opsdeck', 'username', 'hygiene']);
});
