// After a full session in the web host process (an Ops API profile synced and searched, an audit
// export, a BullMQ profile with a Redis password sampled, diagnostics copied, the log written),
// neither the token nor the password is anywhere but the keychain: not in a file under the data
// dir (SQLite files and their WAL, logs, exports, diagnostics), not in an answer, not on the console.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DiagnosticsReport, Job } from '../../shared/console-api/index.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { startTestRedis } from '../fixtures/redis.ts';
import type { TestRedis } from '../fixtures/redis.ts';
import { assertSecretServiceSession, secretToolLookup } from '../fixtures/secret-tool.ts';
import { bytesIfPresent } from '../fixtures/bytes-if-present.ts';

const password = `redis-pw-hygiene-${crypto.randomUUID()}`;
let platform: TestPlatform;
let redis: TestRedis;
beforeAll(async () => {
  assertSecretServiceSession();
  platform = await startTestPlatform({ tenants: 10, events: 4_000 });
  redis = await startTestRedis({ requirePass: password });
  const emails = new Queue('emails', { connection: { host: '127.0.0.1', port: redis.port, password } });
  await emails.add('send', { to: 'someone@example.com' });
  await emails.close();
}, 60_000);
afterAll(async () => {
  await platform.stop();
  await redis.stop();
});

/** Every file under `dir` with its bytes, SQLite files and their WAL included. */
function everyFile(dir: string): Array<{ name: string; bytes: Buffer }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: join(entry.parentPath, entry.name).slice(dir.length + 1), bytes: bytesIfPresent(join(entry.parentPath, entry.name)) }));
}

function expectNoSecretIn(files: Array<{ name: string; bytes: Buffer }>, secrets: string[]): void {
  for (const file of files) {
    for (const secret of secrets) expect(file.bytes.includes(Buffer.from(secret)), `${secret.slice(0, 12)}… in ${file.name}`).toBe(false);
  }
}

it('after a full session the token and the Redis password are in the keychain and nowhere in the data dir, the logs, the diagnostics or an export', async () => {
  const dataDir = makeDataDir();
  const token = platform.tokens.full;
  const secrets = [token, password];
  const serve = spawn(process.execPath, ['bin/opsdeck.mjs', 'serve', '--no-demo', '--data-dir', dataDir.path], { stdio: ['ignore', 'pipe', 'pipe'] });
  let consoleOutput = '';
  serve.stderr!.on('data', (chunk: Buffer) => (consoleOutput += chunk.toString()));
  const url = await new Promise<string>((done) =>
    createInterface({ input: serve.stdout! }).on('line', (line) => {
      consoleOutput += `${line}\n`;
      const match = /running at (\S+)/.exec(line);
      if (match) done(match[1]!);
    }),
  );
  const cookie = (await fetch(url, { redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!;
  const origin = new URL(url).origin;
  const call = async <T = Record<string, unknown>>(method: string, input: unknown) => {
    const response = await fetch(`${origin}/api/call/${method}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(input) });
    const text = await response.text();
    for (const secret of secrets) expect(text).not.toContain(secret);
    return JSON.parse(text) as { ok: boolean; value: T };
  };
  const fetchFile = async (fileToken: string) => Buffer.from(await (await fetch(`${origin}/api/files/${fileToken}`, { headers: { cookie } })).arrayBuffer());

  let diagnostics: { report: DiagnosticsReport; text: string };
  try {
    const options = { proxyUrl: null, caFile: null, timeoutMs: 10_000 };
    expect((await call('profiles/test', { kind: 'ops-api', baseUrl: platform.url, token, options })).value).toMatchObject({ ok: true });
    expect((await call('profiles/test', { kind: 'ops-api', baseUrl: platform.url, token: `${token}x`, options })).value).toMatchObject({ ok: false });
    await call('profiles/save', { kind: 'ops-api', name: 'Hygiene', baseUrl: platform.url, environment: 'prod', color: null, options, token });
    await expect.poll(async () => ((await call('audit/search', { q: '', limit: 10 })).value.total as number) ?? 0, { timeout: 20_000 }).toBeGreaterThan(500);
    await call('audit/search', { q: 'outcome:failure action:user.*', limit: 50 });
    expect((await call('audit/search-platform', { q: 'outcome:denied', limit: 20 })).value).toMatchObject({ unsupported: null });
    expect(secretToolLookup('hygiene')).toBe(token);

    const { jobId } = (await call<{ jobId: string }>('audit/export', { q: '', format: 'ndjson', gzip: false })).value;
    const jobOf = async (id: string) => (await call<{ jobs: Job[] }>('jobs/list', {})).value.jobs.find((job) => job.id === id);
    await expect.poll(async () => (await jobOf(jobId))?.state, { timeout: 20_000 }).toBe('done');
    const exported = (await jobOf(jobId))!;
    mkdirSync(join(dataDir.path, 'exports'));
    for (const download of exported.result!.downloads) writeFileSync(join(dataDir.path, 'exports', download.name), await fetchFile(download.token));
    expect(readdirSync(join(dataDir.path, 'exports')).some((name) => name.endsWith('.ndjson'))).toBe(true);

    const bullmq = { kind: 'bullmq', redisUrl: redis.url, prefix: 'bull', tls: false };
    expect((await call('profiles/test', { ...bullmq, password: 'not-it' })).value).toMatchObject({ ok: false });
    expect((await call('profiles/test', { ...bullmq, password })).value).toMatchObject({ ok: true });
    await call('profiles/save', { ...bullmq, name: 'Acme queues', environment: 'staging', color: null, readOnly: false, token: password });
    expect(secretToolLookup('acme-queues')).toBe(password);
    await call('profiles/activate', { id: 'acme-queues' });
    await expect.poll(async () => (await call<{ queues: Array<{ name: string }> }>('queues/overview', {})).value.queues.map((queue) => queue.name), { timeout: 20_000 }).toEqual(['emails']);

    diagnostics = (await call<typeof diagnostics>('app/diagnostics', { browser: 'hygiene test' })).value;
    writeFileSync(join(dataDir.path, 'diagnostics.txt'), diagnostics.text);
    writeFileSync(join(dataDir.path, 'diagnostics.json'), JSON.stringify(diagnostics.report));
    // While the session runs: the SQLite WAL files are still there.
    expectNoSecretIn(everyFile(dataDir.path), secrets);
  } finally {
    serve.kill('SIGTERM');
    await new Promise((done) => serve.on('exit', done));
  }

  expect(diagnostics.report.profiles).toEqual([
    { name: 'Hygiene', kind: 'ops-api', builtIn: false, environment: 'prod', active: false },
    { name: 'Acme queues', kind: 'bullmq', builtIn: false, environment: 'staging', active: true },
  ]);
  expect(diagnostics.report.caches.map((cache) => cache.path)).toEqual(['cache/acme-queues.sqlite', 'cache/hygiene.sqlite']);
  expect(diagnostics.text).toContain('Sync of Acme queues: online');

  const files = everyFile(dataDir.path);
  const log = files.find((file) => file.name === join('logs', 'opsdeck.log'))!.bytes.toString();
  expect(log).toMatch(/ INFO Opsdeck \S+ started \(web host/);
  expect(log).toMatch(/ INFO Opsdeck stopped\n$/);
  expect(files.map((file) => file.name)).toEqual(expect.arrayContaining(['diagnostics.txt', 'diagnostics.json', join('cache', 'hygiene.sqlite'), join('cache', 'acme-queues.sqlite')]));
  expectNoSecretIn(files, secrets);
  for (const secret of secrets) expect(consoleOutput).not.toContain(secret);
  expect(consoleOutput).toContain('Opsdeck is running at');
  dataDir.remove();
  for (const id of ['hygiene', 'acme-queues']) spawnSync('secret-tool', ['clear', 'service', 'opsdeck', 'username', id]);
}, 120_000);
