// `opsdeck queues --redis`: BullMQ queues straight from a real redis-server, from a terminal.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestRedis } from '../fixtures/redis.ts';
import type { TestRedis } from '../fixtures/redis.ts';

let redis: TestRedis;
let queue: Queue;
beforeAll(async () => {
  redis = await startTestRedis();
  const connection = { host: '127.0.0.1', port: Number(new URL(redis.url).port) };
  queue = new Queue('emails', { connection });
  const worker = new Worker('emails', async (job) => {
    throw new Error(`connect ETIMEDOUT 10.0.0.${job.data.n}:443`);
  }, { connection });
  const failed = new Promise<void>((done) => {
    let count = 0;
    worker.on('failed', () => ++count === 3 && done());
  });
  await queue.addBulk([1, 2, 3].map((n) => ({ name: 'send', data: { n } })));
  await failed;
  await worker.close();
  await queue.add('send', { n: 4 });
});
afterAll(async () => {
  await queue.close();
  await redis.stop();
});

function opsdeck(args: string[], source = ['--redis', redis.url]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/opsdeck.mjs', 'queues', ...args, ...source], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

it('lists BullMQ queues with the counts BullMQ reports, groups their failures, and retries a group', async () => {
  const listed = await opsdeck(['--json']);
  expect(listed.stderr).toBe('');
  const [emails] = JSON.parse(listed.stdout) as Array<{ name: string; paused: boolean; workers: number | null; counts: Record<string, number> }>;
  const counts = await queue.getJobCounts();
  expect(emails).toMatchObject({ name: 'emails', paused: false, workers: 0, counts: { waiting: counts.waiting, failed: 3, active: 0, delayed: 0, paused: 0 } });

  const groups = JSON.parse((await opsdeck(['failed', 'emails', '--json'])).stdout) as Array<{ reason: string; count: number }>;
  expect(groups).toMatchObject([{ reason: 'connect ETIMEDOUT <ip>', count: 3 }]);

  const retried = await opsdeck(['retry', 'emails', '--group', 'connect ETIMEDOUT <ip>', '--yes']);
  expect(retried.stdout.trim()).toBe('Retried 3 of 3 jobs.');
  expect(retried.status).toBe(0);
  expect(await queue.getJobCounts('failed', 'waiting')).toEqual({ failed: 0, waiting: counts.waiting! + 3 });
});

it('reads a saved BullMQ profile by name, and refuses to retry with one marked read-only', async () => {
  const dataDir = makeDataDir();
  try {
    const profile = { id: 'watch', kind: 'bullmq', name: 'Watch', environment: 'prod', color: null, redisUrl: redis.url, prefix: 'bull', tls: false, readOnly: true };
    writeFileSync(join(dataDir.path, 'profiles.json'), JSON.stringify({ profiles: [profile], activeId: 'watch' }));
    const source = ['--profile', 'Watch', '--data-dir', dataDir.path];
    const listed = await opsdeck(['--json'], source);
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout)).toMatchObject([{ name: 'emails', counts: { failed: await queue.getFailedCount() } }]);
    const connection = { host: '127.0.0.1', port: redis.port };
    const worker = new Worker('emails', async () => {
      throw new Error('SMTP 421');
    }, { connection });
    await new Promise((done) => worker.once('failed', done));
    await worker.close();
    const failedBefore = await queue.getFailedCount();
    expect(failedBefore).toBeGreaterThan(0);
    const refused = await opsdeck(['retry', 'emails', '--all-failed', '--yes'], source);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('queues retry: Watch (prod) is marked read-only; it offers no actions.');
    expect(await queue.getFailedCount()).toBe(failedBefore);
  } finally {
    dataDir.remove();
  }
});
