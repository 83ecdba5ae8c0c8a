// A "BullMQ (Redis)" profile in the console: its password in the real keychain, the sync
// sampling a real redis-server through BullMQ, and actions that change what BullMQ reports.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMethod, MethodInput, MethodOutput, QueueSummary, SyncStatus } from '../../shared/console-api/index.ts';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import type { ConsoleServices } from '../../electron/services/console-services.ts';
import { createDispatch } from '../../electron/services/dispatch.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestRedis } from '../fixtures/redis.ts';
import type { TestRedis } from '../fixtures/redis.ts';
import { assertSecretServiceSession, secretToolLookup } from '../fixtures/secret-tool.ts';

const password = `pw-${crypto.randomUUID()}`;
let redis: TestRedis;
let emails: Queue;
let dataDir: ReturnType<typeof makeDataDir>;
let services: ConsoleServices;
let call: ReturnType<typeof createDispatch>;
/** A console call as the renderer makes it (the input parsed as on the wire); a refusal throws its message. */
async function api<M extends ConsoleMethod>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as MethodOutput<M>;
}

const reasons = ['SMTP 421 too many connections from 10.1.2.3', 'SMTP 421 too many connections from 10.9.8.7', 'Mailbox unavailable: bob@example.com'];

beforeAll(async () => {
  assertSecretServiceSession();
  redis = await startTestRedis({ requirePass: password });
  const connection = { host: '127.0.0.1', port: redis.port, password };
  emails = new Queue('emails', { connection });
  const worker = new Worker('emails', async (job) => {
    throw new Error(reasons[job.data.n % reasons.length]);
  }, { connection });
  const failed = new Promise<void>((done) => {
    let count = 0;
    worker.on('failed', () => ++count === 9 && done());
  });
  await emails.addBulk(Array.from({ length: 9 }, (_, n) => ({ name: 'send', data: { n } })));
  await failed;
  await worker.close();
  await emails.add('send', { n: 100 });
  await emails.add('later', { n: 101 }, { delay: 3_600_000 });

  dataDir = makeDataDir();
  services = createConsoleServices({ dataDir: dataDir.path, host: 'web', version: 'test', demo: null });
  call = createDispatch(services.handlers, () => {});
}, 60_000);
afterAll(async () => {
  await api('profiles/remove', { id: 'acme-queues', deleteCache: true }).catch(() => {});
  await services.close();
  dataDir.remove();
  await emails.close();
  await redis.stop();
});

const draft = { kind: 'bullmq' as const, name: 'Acme queues', environment: 'prod' as const, color: null, prefix: 'bull', tls: false, readOnly: false };

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: last ${JSON.stringify(value)}`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
}

const overviewOf = async (name: string): Promise<QueueSummary | undefined> => (await api('queues/overview', {})).queues.find((queue) => queue.name === name);

describe('a BullMQ (Redis) profile', () => {
  it('refuses a Redis URL with a password in it, naming the field, and saves nothing', async () => {
    const result = await call('profiles/save', { ...draft, redisUrl: `redis://:${password}@127.0.0.1:${redis.port}`, token: password });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).toContain("field 'redisUrl'");
    expect(message).not.toContain(password);
    expect((await api('profiles/list', {})).profiles).toEqual([]);
  });

  it('tests the connection: a wrong password says so, the right one lists the queues', async () => {
    const base = { kind: 'bullmq' as const, redisUrl: redis.url, prefix: 'bull', tls: false };
    const wrong = await api('profiles/test', { ...base, password: 'not-it' });
    expect(wrong).toMatchObject({ ok: false });
    expect((wrong as { message: string }).message).toMatch(new RegExp(`^Cannot list the BullMQ queues on Redis at 127\\.0\\.0\\.1:${redis.port}: .*WRONGPASS`));
    expect(await api('profiles/test', { ...base, password })).toMatchObject({ ok: true, reached: { kind: 'bullmq', queues: ['emails'] } });
  });

  it('keeps its password in the keychain only, syncs the counts BullMQ reports, and says the other views are not synced', async () => {
    const state = await api('profiles/save', { ...draft, redisUrl: redis.url, token: password });
    expect(state.activeId).toBe('acme-queues');
    expect(state.profiles[0]).toMatchObject({ kind: 'bullmq', redisUrl: redis.url, token: 'keychain' });
    expect(secretToolLookup('acme-queues')).toBe(password);
    const files = readdirSync(dataDir.path, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && !entry.name.endsWith('.sqlite-shm'));
    for (const file of files) expect(readFileSync(join(file.parentPath, file.name)).includes(password), file.name).toBe(false);

    const counts = await emails.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
    const summary = await until(() => overviewOf('emails'), (queue) => queue?.counts.failed === 9, 'the first sample of emails');
    expect(summary!.counts).toEqual(counts);
    expect(summary).toMatchObject({ paused: false, workers: 0 });

    const groups = await until(() => api('queues/failure-groups', { queue: 'emails' }), (result) => result.total === 9, 'the failed jobs');
    expect(groups.groups.map(({ reason, count }) => ({ reason, count }))).toEqual([
      { reason: 'SMTP 421 too many connections from <ip>', count: 6 },
      { reason: 'Mailbox unavailable: <email>', count: 3 },
    ]);

    const status: SyncStatus = await api('sync/status', {});
    expect(status.connection).toBe('online');
    for (const resource of ['audit', 'tenants', 'billing', 'connectors'] as const) {
      expect(status.resources.find((entry) => entry.resource === resource)?.detail).toBe('Not synced: a BullMQ (Redis) profile has queues only.');
    }
    await expect(api('audit/search-platform', { q: 'login', limit: 10 })).rejects.toThrow(/BullMQ \(Redis\) profile, which has queues only/);
    expect((await api('sources/list', {})).sources.map((source) => source.id)).not.toContain('profile:acme-queues');
  });

  it('pages jobs in other states live, and a confirmed group retry moves exactly the jobs shown, as BullMQ then reports', async () => {
    const delayed = await api('queues/jobs', { queue: 'emails', state: 'delayed', cursor: null, limit: 50 });
    expect(delayed.jobs.map((job) => job.name)).toEqual(['later']);

    expect(await api('queues/capabilities', {})).toEqual({ allowed: true, disabledReason: null, profile: 'Acme queues', environment: 'prod' });
    const group = 'SMTP 421 too many connections from <ip>';
    const { ids } = await api('queues/group-job-ids', { queue: 'emails', group });
    expect(ids).toHaveLength(6);
    const before = await emails.getJobCounts('failed', 'waiting');
    const result = await api('queues/act', { kind: 'retry-jobs', queue: 'emails', group, ids });
    expect(result).toMatchObject({ ok: true, done: 6, failed: 0 });
    expect(await emails.getJobCounts('failed', 'waiting')).toEqual({ failed: before.failed! - 6, waiting: before.waiting! + 6 });
    const summary = await until(() => overviewOf('emails'), (queue) => queue?.counts.failed === 3, 'the sample after the retry');
    expect(summary!.counts.waiting).toBe(before.waiting! + 6);

    const [logged] = (await api('queues/action-log', { limit: 1 })).entries;
    expect(logged).toMatchObject({ profile: 'Acme queues', environment: 'prod', ok: true });
    expect(logged!.what).toContain('emails');
  });

  it('marked read-only, offers no action and refuses one', async () => {
    await api('profiles/save', { ...draft, id: 'acme-queues', redisUrl: redis.url, readOnly: true });
    expect(await api('queues/capabilities', {})).toMatchObject({ allowed: false });
    const before = await emails.getJobCounts('waiting', 'failed');
    await expect(api('queues/act', { kind: 'pause', queue: 'emails' })).rejects.toThrow("Cannot act on a queue with 'Acme queues': the profile is marked read-only.");
    expect(await emails.isPaused()).toBe(false);
    expect(await emails.getJobCounts('waiting', 'failed')).toEqual(before);
  });

  it('loads a profiles.json written before profiles had kinds as Ops API profiles', async () => {
    const dir = makeDataDir();
    const old = { id: 'old', name: 'Old', baseUrl: 'https://ops.example', environment: 'staging', color: null, options: { proxyUrl: null, caFile: null, timeoutMs: 15_000 } };
    writeFileSync(join(dir.path, 'profiles.json'), JSON.stringify({ profiles: [old], activeId: 'old' }));
    const oldServices = createConsoleServices({ dataDir: dir.path, host: 'web', version: 'test', demo: null });
    try {
      expect((await oldServices.handlers['profiles/list']({})).profiles).toMatchObject([{ ...old, kind: 'ops-api' }]);
    } finally {
      await oldServices.close();
      dir.remove();
    }
  });
});
