import type { EventEmitter } from 'node:events';
import { inspect } from 'node:util';
import { FlowProducer, Queue, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { Queue as Queue5, Worker as Worker5 } from 'bullmq5';
import type { Job as Job5 } from 'bullmq5';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBullmqQueueSource } from '../../electron/services/queues/bullmq/bullmq-queue-source.ts';
import type { QueueSnapshot, QueueSource } from '../../electron/services/queues/queue-source.ts';
import { freePort, startTestRedis } from '../fixtures/redis.ts';
import type { TestRedis } from '../fixtures/redis.ts';

const reasons = ['connect ETIMEDOUT 10.0.0.7:443', 'connect ETIMEDOUT 10.0.0.9:443', 'SMTP 421 4.7.0 Try again later, closing connection'];
const minuteOf = (ms: number) => Math.floor(ms / 60_000);

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(() => redis.stop());

/** What a test opened, closed after it in reverse order once its held job is let go. */
const cleanups: (() => Promise<unknown>)[] = [];
let held = gate();
afterEach(async () => {
  held.open();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  held = gate();
});

function gate() {
  let open = () => {};
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { passed, open };
}

function closedAfter<T extends { close(): Promise<unknown> }>(closeable: T): T {
  cleanups.push(() => closeable.close());
  return closeable;
}

let prefixes = 0;
let now = Date.now();

function sourceFor(url: string, prefix: string, password?: string): QueueSource {
  return closedAfter(createBullmqQueueSource({ url, prefix, password, clock: () => now }));
}

/** The platform's job: fails with `data.failWith`, holds with `data.hold` until the test ends, else completes. */
async function processor(job: { data: { failWith?: unknown; hold?: unknown } }) {
  if (typeof job.data.failWith === 'string') throw new Error(job.data.failWith);
  if (job.data.hold === true) await held.passed;
  return 'sent';
}

/** A platform's side of a test under a key prefix of its own: what its queues and workers (BullMQ 6 or 5) open with, and a source on it. */
function platform(server: TestRedis = redis) {
  const prefix = `t${++prefixes}`;
  const connection = new Redis({ port: server.port, maxRetriesPerRequest: null });
  cleanups.push(() => connection.quit());
  return { opts: { connection, prefix }, source: () => sourceFor(server.url, prefix) };
}

/** Resolves once the worker has completed or failed `total` jobs; listening starts now. */
function untilFinished(worker: EventEmitter, total: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const one = () => {
      if (++seen === total) resolve();
    };
    worker.on('completed', one);
    worker.on('failed', one);
  });
}

/** What the Ops API's shape of a failed job says, field by field from BullMQ's (5 or 6) own. */
function failedAsOpsJob(job: Job | Job5, tenant: string | null) {
  return {
    id: job.id,
    queue: job.queueName,
    name: job.name,
    tenant_id: tenant,
    state: 'failed',
    attempts_made: job.attemptsMade,
    max_attempts: job.opts.attempts || 1,
    created_at: new Date(job.timestamp).toISOString(),
    processed_at: new Date(job.processedOn!).toISOString(),
    finished_at: new Date(job.finishedOn!).toISOString(),
    failed_reason: job.failedReason,
    stacktrace: job.stacktrace,
    data: job.data,
  };
}

/** BullMQ's own counts, in the Ops API's states. */
async function countsByBullmq(queue: Queue): Promise<QueueSnapshot['counts']> {
  const counts = await queue.getJobCounts();
  return { waiting: counts.waiting!, active: counts.active!, delayed: counts.delayed!, failed: counts.failed!, completed: counts.completed!, prioritized: counts.prioritized! };
}

async function snapshotOf(source: QueueSource, name: string): Promise<QueueSnapshot> {
  const snapshot = (await source.listQueues()).find((queue) => queue.name === name);
  if (snapshot === undefined) throw new Error(`the source lists no queue ${name}`);
  return snapshot;
}

/** A queue that has sent 3 e-mails, failed 3 with varied reasons, holds one, and backed up while its one worker was busy. */
async function busyEmailsQueue(side: ReturnType<typeof platform>) {
  const emails = closedAfter(new Queue('emails', side.opts));
  const worker = closedAfter(new Worker('emails', processor, side.opts));
  const finished = untilFinished(worker, 6);
  await emails.addBulk([
    ...[1, 2, 3].map((n) => ({ name: 'send', data: { to: `user${n}@acme.example` } })),
    ...reasons.map((failWith) => ({ name: 'send', data: { failWith } })),
  ]);
  await finished;
  const active = new Promise((resolve) => worker.once('active', resolve));
  await emails.add('send', { hold: true });
  await active;
  const backlog = await emails.addBulk([1, 2, 3, 4].map((n) => ({ name: 'send', data: { n } })));
  await emails.add('digest', {}, { delay: 3_600_000 });
  await emails.add('digest', {}, { delay: 7_200_000 });
  await emails.add('urgent', {}, { priority: 3 });
  return { emails, worker, oldestWaiting: backlog[0]! };
}

describe('BullMQ queues straight from Redis', () => {
  it('lists each queue with the counts BullMQ reports, paused, its workers and the oldest waiting age', async () => {
    const side = platform();
    const { emails, oldestWaiting } = await busyEmailsQueue(side);
    const reports = closedAfter(new Queue('reports', side.opts));
    await reports.pause();
    const [firstReport] = await reports.addBulk([{ name: 'monthly', data: {} }, { name: 'weekly', data: {} }]);
    const source = side.source();
    now = oldestWaiting.timestamp + 90_000;

    const snapshots = await source.listQueues();

    expect(snapshots.map((queue) => queue.name)).toEqual(['emails', 'reports']);
    const [emailsNow, reportsNow] = snapshots as [QueueSnapshot, QueueSnapshot];
    expect(emailsNow.counts).toEqual(await countsByBullmq(emails));
    expect(emailsNow.counts).toEqual({ waiting: 4, active: 1, delayed: 2, failed: 3, completed: 3, prioritized: 1 });
    expect(emailsNow).toMatchObject({ paused: false, workers: 1, oldest_waiting_age_ms: 90_000, sampled_at: new Date(now).toISOString() });
    // Jobs added to a paused queue wait in BullMQ 6 (BullMQ 5 counted them as 'paused').
    expect(reportsNow.counts).toEqual(await countsByBullmq(reports));
    expect(reportsNow).toMatchObject({ paused: true, workers: 0, oldest_waiting_age_ms: now - firstReport!.timestamp });
    expect(reportsNow.counts.waiting).toBe(2);
    // No earlier sample and no metrics: no rate yet.
    expect(emailsNow).toMatchObject({ throughput_per_min: 0, failed_per_min: 0, processing_ms_p50: null, processing_ms_p95: null });
  });

  it('says workers are unknown (null, never 0) on a Redis that refuses CLIENT LIST, where BullMQ itself counts one', async () => {
    const managed = await startTestRedis({ refuseClient: true });
    cleanups.push(() => managed.stop());
    const side = platform(managed);
    const { emails } = await busyEmailsQueue(side);

    const snapshot = await snapshotOf(side.source(), 'emails');

    expect(await emails.getWorkersCount()).toBe(1);
    expect(snapshot.workers).toBeNull();
    expect(snapshot.counts).toEqual(await countsByBullmq(emails));
  });

  it('maps failed jobs, newest first, with their tenant, attempts, times, reason and stack trace', async () => {
    const side = platform();
    const queue = closedAfter(new Queue('webhooks', side.opts));
    const worker = closedAfter(new Worker('webhooks', processor, side.opts));
    const finished = untilFinished(worker, 4);
    await queue.add('deliver', { tenant_id: 'ten_acme', failWith: reasons[0] });
    await queue.add('deliver', { tenantId: 'ten_globex', failWith: reasons[1] }, { attempts: 2 });
    await queue.add('deliver', { tenantId: 42, failWith: reasons[2] });
    await queue.add('deliver', { failWith: 'HTTP 410 Gone' });
    await finished;
    const source = side.source();

    const failed = await source.failedJobs('webhooks', 10);

    const byBullmq = await queue.getFailed();
    const tenantByReason = { [reasons[0]!]: 'ten_acme', [reasons[1]!]: 'ten_globex', [reasons[2]!]: '42', 'HTTP 410 Gone': null };
    expect(failed).toEqual(byBullmq.map((job) => failedAsOpsJob(job, tenantByReason[job.failedReason] ?? null)));
    for (const job of failed) expect(job.stacktrace!.at(-1)).toContain(job.failed_reason);
    expect(failed.find((job) => job.tenant_id === 'ten_globex')).toMatchObject({ attempts_made: 2, max_attempts: 2, stacktrace: [expect.any(String), expect.any(String)] });
    expect((await source.failedJobs('webhooks', 3)).map((job) => job.id)).toEqual(byBullmq.slice(0, 3).map((job) => job.id));
  });

  it('pages through a state with an opaque cursor, newest first, and refuses a cursor it did not give', async () => {
    const side = platform();
    const queue = closedAfter(new Queue('exports', side.opts));
    await queue.addBulk([1, 2, 3, 4, 5].map((n) => ({ name: 'export', data: { n } })));
    await queue.add('export', 'a payload that is not an object');
    const source = side.source();

    const first = await source.jobs('exports', 'waiting', null, 2);
    const second = await source.jobs('exports', 'waiting', first.next, 2);
    const last = await source.jobs('exports', 'waiting', second.next, 2);

    const newestFirst = (await queue.getJobs(['waiting'], 0, -1, false)).map((job) => job.id);
    expect([...first.jobs, ...second.jobs, ...last.jobs].map((job) => job.id)).toEqual(newestFirst);
    expect(newestFirst.map((id) => Number(id))).toEqual([6, 5, 4, 3, 2, 1]);
    expect(last.next).toBeNull();
    expect(first.jobs[0]!.data).toEqual({ value: 'a payload that is not an object' });
    expect(last.jobs[1]).toMatchObject({ state: 'waiting', data: { n: 1 }, processed_at: null, finished_at: null, failed_reason: null });
    expect((await source.jobs('exports', 'completed', null, 10)).jobs).toEqual([]);
    await expect(source.jobs('exports', 'waiting', 'page-2', 2)).rejects.toThrow(/^Cannot read the waiting jobs of exports on Redis at 127\.0\.0\.1:\d+: Not a cursor of a BullMQ queue: 'page-2' is not a job offset\.$/);
  });

  it("rates jobs per minute from the workers' metrics: the last whole minute's finished jobs", async () => {
    const side = platform();
    const queue = closedAfter(new Queue('invoices', side.opts));
    const worker = closedAfter(new Worker('invoices', processor, { ...side.opts, metrics: { maxDataPoints: 60 } }));
    const finished = untilFinished(worker, 6);
    await queue.addBulk([...[1, 2, 3, 4].map((n) => ({ name: 'render', data: { n } })), ...reasons.slice(0, 2).map((failWith) => ({ name: 'render', data: { failWith } }))]);
    await finished;
    now = (minuteOf((await queue.getMetrics('completed')).meta.prevTS) + 1) * 60_000 + 5_000;
    const inLastMinute = (jobs: Job[]) => jobs.filter((job) => minuteOf(job.finishedOn!) === minuteOf(now) - 1).length;

    const snapshot = await snapshotOf(side.source(), 'invoices');

    expect(snapshot.throughput_per_min).toBe(inLastMinute(await queue.getCompleted()));
    expect(snapshot.throughput_per_min).toBeGreaterThan(0);
    expect(snapshot.failed_per_min).toBe(inLastMinute(await queue.getFailed()));
  });

  it('rates jobs per minute from the change of the counts since the previous sample when workers keep no metrics', async () => {
    const side = platform();
    const queue = closedAfter(new Queue('invoices', side.opts));
    await queue.add('render', {});
    const source = side.source();
    now = Date.now();
    expect(await snapshotOf(source, 'invoices')).toMatchObject({ throughput_per_min: 0, failed_per_min: 0 });
    const worker = closedAfter(new Worker('invoices', processor, side.opts));
    const finished = untilFinished(worker, 7);
    await queue.addBulk([...[1, 2, 3, 4].map((n) => ({ name: 'render', data: { n } })), ...reasons.slice(0, 2).map((failWith) => ({ name: 'render', data: { failWith } }))]);
    await finished;
    now += 120_000;

    expect(await snapshotOf(source, 'invoices')).toMatchObject({ counts: { completed: 5, failed: 2 }, throughput_per_min: 2.5, failed_per_min: 1 });
  });

  it('retries, removes, pauses and resumes, each changing the counts as BullMQ then reports them', async () => {
    const side = platform();
    const queue = closedAfter(new Queue('emails', side.opts));
    const worker = closedAfter(new Worker('emails', processor, side.opts));
    const finished = untilFinished(worker, 5);
    const failing = await queue.addBulk([0, 1, 2, 0, 2].map((n) => ({ name: 'send', data: { failWith: reasons[n] } })));
    await finished;
    // Retried jobs stay waiting: no worker takes them.
    await worker.close();
    const waiting = await queue.add('send', {});
    const source = side.source();
    const [a, b, c, d, e] = failing.map((job) => job.id!) as [string, string, string, string, string];
    const countsAgree = async () => expect((await snapshotOf(source, 'emails')).counts).toEqual(await countsByBullmq(queue));

    expect(await source.act({ kind: 'retry-job', queue: 'emails', id: a }, 'k1')).toEqual({ done: 1, failed: 0, message: `Retried job ${a}.` });
    await countsAgree();
    expect(await queue.getJobState(a)).toBe('waiting');
    await expect(source.act({ kind: 'retry-job', queue: 'emails', id: a }, 'k2')).rejects.toThrow(
      new RegExp(`^Cannot act on emails on Redis at 127\\.0\\.0\\.1:\\d+: job ${a} is not failed in emails \\(retried or removed since\\?\\)\\.$`),
    );

    expect(await source.act({ kind: 'retry-jobs', queue: 'emails', group: 'connect ETIMEDOUT <ip>:<n>', ids: [a, b, d] }, 'k3')).toEqual({
      done: 2,
      failed: 1,
      message: `Retried 2 of 3 jobs; 1 had left the failed state since (e.g. ${a}).`,
    });
    expect(await countsByBullmq(queue)).toMatchObject({ waiting: 4, failed: 2 });
    await countsAgree();

    expect(await source.act({ kind: 'remove-job', queue: 'emails', id: waiting.id! }, 'k4')).toEqual({ done: 1, failed: 0, message: `Removed job ${waiting.id}.` });
    expect(await queue.getJob(waiting.id!)).toBeUndefined();
    await countsAgree();

    expect(await source.act({ kind: 'retry-all-failed', queue: 'emails', shown: 2 }, 'k5')).toEqual({ done: 2, failed: 0, message: 'Retried 2 failed jobs (2 were shown).' });
    expect(await Promise.all([c, e].map((id) => queue.getJobState(id)))).toEqual(['waiting', 'waiting']);
    expect(await countsByBullmq(queue)).toMatchObject({ waiting: 5, failed: 0 });
    await countsAgree();
    expect(await source.act({ kind: 'retry-all-failed', queue: 'emails', shown: 0 }, 'k6')).toMatchObject({ done: 0, message: 'Retried 0 failed jobs (0 were shown).' });

    expect(await source.act({ kind: 'pause', queue: 'emails' }, 'k7')).toEqual({ done: 1, failed: 0, message: 'Paused emails.' });
    expect(await queue.isPaused()).toBe(true);
    expect(await snapshotOf(source, 'emails')).toMatchObject({ paused: true, counts: await countsByBullmq(queue) });
    expect(await source.act({ kind: 'resume', queue: 'emails' }, 'k8')).toEqual({ done: 1, failed: 0, message: 'Resumed emails.' });
    expect(await queue.isPaused()).toBe(false);
    await expect(source.act({ kind: 'pause', queue: 'emials' }, 'k9')).rejects.toThrow(/: there is no queue named emials under the prefix 't\d+'\.$/);
    expect((await source.listQueues()).map((snapshot) => snapshot.name)).toEqual(['emails']);
  });

  it('retries a failure group at once, and a worker then takes every retried job: plain, prioritized and a flow child, whose parent then goes on', async () => {
    const side = platform();
    const queue = closedAfter(new Queue('emails', side.opts));
    // Each job fails its first attempt and succeeds on the retry.
    const work = async (job: Job) => {
      if (job.attemptsMade === 0) throw new Error(reasons[0]);
      return 'sent';
    };
    const failing = new Worker('emails', work, side.opts);
    const firstFailures = untilFinished(failing, 7);
    const plain = await queue.addBulk(Array.from({ length: 5 }, (_, n) => ({ name: 'send', data: { n } })));
    const prioritized = await queue.add('send', { n: 5 }, { priority: 3 });
    const flow = await closedAfter(new FlowProducer(side.opts)).add({ name: 'digest', queueName: 'digests', children: [{ name: 'send', queueName: 'emails', data: { n: 6 } }] });
    await firstFailures;
    await failing.close();
    expect(await countsByBullmq(queue)).toMatchObject({ failed: 7, completed: 0 });
    const source = side.source();
    const group = 'connect ETIMEDOUT <ip>:<n>';

    await side.opts.connection.del(queue.keys.marker!);
    const plainIds = plain.map((job) => job.id!);
    expect(await source.act({ kind: 'retry-jobs', queue: 'emails', group, ids: plainIds }, 'k1')).toEqual({ done: 5, failed: 0, message: 'Retried 5 of 5 jobs.' });
    // As BullMQ's own retry leaves them: waiting, unfinished, a "waiting" event each, and the marker an idle worker waits on.
    for (const id of plainIds) expect(await side.opts.connection.hmget(queue.toKey(id), 'failedReason', 'finishedOn', 'processedOn')).toEqual([null, null, null]);
    expect(await countsByBullmq(queue)).toMatchObject({ waiting: 5, failed: 2 });
    expect(await side.opts.connection.zcard(queue.keys.marker!)).toBe(1);
    const events = await side.opts.connection.xrange(queue.keys.events!, '-', '+');
    expect(events.filter(([, fields]) => fields.join(' ').includes('event waiting jobId') && fields.join(' ').endsWith('prev failed'))).toHaveLength(5);

    expect(await source.act({ kind: 'retry-jobs', queue: 'emails', group, ids: [prioritized.id!, flow.children![0]!.job.id!] }, 'k2')).toMatchObject({ done: 2, failed: 0 });
    const worker = closedAfter(new Worker('emails', work, side.opts));
    await untilFinished(worker, 7);
    expect(await countsByBullmq(queue)).toMatchObject({ failed: 0, completed: 7, waiting: 0, prioritized: 0 });
    expect(await flow.job.getState()).toBe('waiting');
  });

  it("names host:port and the reason when Redis refuses or cannot be reached, never the password or the URL's userinfo", async () => {
    const guarded = await startTestRedis({ requirePass: 'right-secret' });
    cleanups.push(() => guarded.stop());
    const wrongPassword = sourceFor(`redis://opsdeck:url-secret@127.0.0.1:${guarded.port}`, 'bull', 'keychain-secret');
    const refused = sourceFor(`redis://127.0.0.1:${await freePort()}`, 'bull');

    const denied = await rejection(wrongPassword.listQueues());
    const away = await rejection(refused.listQueues());

    expect(denied.message).toBe(`Cannot list the BullMQ queues on Redis at 127.0.0.1:${guarded.port}: WRONGPASS invalid username-password pair or user is disabled.`);
    expect(away.message).toMatch(/^Cannot list the BullMQ queues on Redis at 127\.0\.0\.1:\d+: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    for (const error of [denied, away]) expect(inspect(error, { depth: 10 })).not.toMatch(/secret/);
    expect(() => createBullmqQueueSource({ url: 'https://user:url-secret@redis.example', clock: () => now })).toThrow(
      "Cannot connect to Redis: the URL's scheme is 'https:', not redis: or rediss:.",
    );
  });
});

describe('BullMQ 5 queues, read and acted on through BullMQ 6', () => {
  /** A BullMQ 5 platform: an 'emails' queue that sent 2, failed 2, then backed up with no worker; a 'reports' queue paused with a job from before and one from after. */
  async function platformOnBullmq5() {
    const side = platform();
    const emails = closedAfter(new Queue5('emails', side.opts));
    const worker = closedAfter(new Worker5('emails', processor, side.opts));
    const finished = untilFinished(worker, 4);
    await emails.addBulk([
      { name: 'send', data: { tenant_id: 'ten_acme' } },
      { name: 'send', data: { tenant_id: 'ten_acme' } },
      { name: 'send', data: { tenant_id: 'ten_acme', failWith: reasons[0] } },
      { name: 'send', data: { tenant_id: 'ten_acme', failWith: reasons[2] } },
    ]);
    await finished;
    await worker.close();
    await emails.addBulk([1, 2].map((n) => ({ name: 'send', data: { n } })));
    await emails.add('digest', {}, { delay: 3_600_000 });
    await emails.add('urgent', {}, { priority: 2 });
    const reports = closedAfter(new Queue5('reports', side.opts));
    const monthly = await reports.add('monthly', {});
    await reports.pause();
    await reports.add('weekly', {});
    return { side, emails, reports, monthly };
  }

  it("reads their counts, a paused queue's waiting jobs among them, their jobs and their failures", async () => {
    const { side, emails, reports, monthly } = await platformOnBullmq5();
    const source = side.source();
    now = monthly.timestamp + 60_000;

    const [emailsNow, reportsNow] = (await source.listQueues()) as [QueueSnapshot, QueueSnapshot];

    const { paused: _emailsPaused, ...emailsBy5 } = await emails.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
    expect(emailsNow.counts).toEqual(emailsBy5);
    expect(emailsNow.counts).toEqual({ waiting: 2, active: 0, delayed: 1, failed: 2, completed: 2, prioritized: 1 });
    // BullMQ 5 moved the paused queue's jobs to a 'paused' list, which BullMQ 6 no longer counts.
    expect(await reports.getJobCounts('waiting', 'paused')).toEqual({ waiting: 0, paused: 2 });
    const reportsBy6 = closedAfter(new Queue('reports', { ...side.opts, skipMetasUpdate: true }));
    expect((await reportsBy6.getJobCounts()).waiting).toBe(0);
    expect(reportsNow).toMatchObject({ paused: true, counts: { waiting: 2 }, oldest_waiting_age_ms: 60_000 });
    expect((await source.jobs('reports', 'waiting', null, 10)).jobs.map((job) => job.name)).toEqual(['weekly', 'monthly']);
    expect(await source.failedJobs('emails', 10)).toEqual((await emails.getFailed()).map((job) => failedAsOpsJob(job, 'ten_acme')));
  });

  it("resumes a queue BullMQ 5 paused, so its workers take what waited, and retries a failed job onto them", async () => {
    const { side, emails } = await platformOnBullmq5();
    const source = side.source();
    const worker = closedAfter(new Worker5('reports', processor, side.opts));
    const [failed] = await emails.getFailed(0, 0);

    const resumed = untilFinished(worker, 2);
    expect(await source.act({ kind: 'resume', queue: 'reports' }, 'k1')).toMatchObject({ message: 'Resumed reports.' });
    await resumed;
    const emailsWorker = closedAfter(new Worker5('emails', processor, side.opts));
    const rerun = new Promise((resolve) => emailsWorker.on('failed', (job) => job?.id === failed!.id && resolve(job)));
    expect(await source.act({ kind: 'retry-job', queue: 'emails', id: failed!.id! }, 'k2')).toMatchObject({ done: 1 });

    expect(await rerun).toMatchObject({ attemptsMade: 2, failedReason: failed!.failedReason });
    expect((await snapshotOf(source, 'reports')).counts).toMatchObject({ waiting: 0, completed: 2 });
  });

  it('refuses to pause one, or to retry into one BullMQ 5 paused, since its resume would drop those jobs', async () => {
    const { side, emails, reports } = await platformOnBullmq5();
    const source = side.source();
    const worker = closedAfter(new Worker5('reports', processor, side.opts));
    const finished = untilFinished(worker, 3);
    await reports.resume();
    const failedReport = await reports.add('quarterly', { failWith: reasons[1] });
    await finished;
    await reports.pause();

    await expect(source.act({ kind: 'pause', queue: 'emails' }, 'k1')).rejects.toThrow(
      /^Cannot act on emails on Redis at 127\.0\.0\.1:\d+: the platform runs bullmq:5\.\d+\.\d+, whose resume would drop the jobs waiting under a BullMQ 6 pause; pause emails with the platform's own tools\.$/,
    );
    await expect(source.act({ kind: 'retry-job', queue: 'reports', id: failedReport.id! }, 'k2')).rejects.toThrow(
      /: reports is paused by bullmq:5\.\d+\.\d+, whose resume would drop the jobs retried now; resume it first\.$/,
    );
    expect(await emails.isPaused()).toBe(false);
    expect(await reports.getJobState(failedReport.id!)).toBe('failed');
    await source.act({ kind: 'resume', queue: 'reports' }, 'k3');
    expect(await source.act({ kind: 'retry-job', queue: 'reports', id: failedReport.id! }, 'k4')).toMatchObject({ done: 1 });
  });

  it('(why) a BullMQ 6 pause that BullMQ 5 resumes drops the jobs that waited under it', async () => {
    const { side, emails } = await platformOnBullmq5();
    const emailsBy6 = closedAfter(new Queue('emails', { ...side.opts, skipMetasUpdate: true }));
    await emailsBy6.pause();
    await emails.add('send', { n: 3 });
    expect(await emails.getJobCounts('waiting', 'paused')).toEqual({ waiting: 2, paused: 1 });

    await emails.resume();

    expect(await emails.getJobCounts('waiting', 'paused')).toEqual({ waiting: 1, paused: 0 });
  });
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected a rejection: the call succeeded.');
}
