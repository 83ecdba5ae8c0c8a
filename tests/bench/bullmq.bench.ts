// BullMQ straight from a real redis-server: what sampling 30 queues costs, and how fast a
// failure group is retried next to BullMQ's own retryJobs. `npm run bench bullmq`
import { readFileSync } from 'node:fs';
import { Queue, Worker } from 'bullmq';
import type { ConnectionOptions } from 'bullmq';
import { systemClock } from '../../shared/clock.ts';
import { createBullmqQueueSource } from '../../electron/services/queues/bullmq/bullmq-queue-source.ts';
import { queueSyncTasks } from '../../electron/services/queues/queue-sync-tasks.ts';
import { defaultSchedule } from '../../electron/services/sync/sync-schedule.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';
import { startTestRedis } from '../fixtures/redis.ts';
import type { TestRedis } from '../fixtures/redis.ts';
import type { BenchResult, BenchSuite } from './bench.ts';

const sampledQueues = 30;
const sampledMinutes = 3;
const groupSize = 10_000;
const retryRounds = 3;

export const suite: BenchSuite = {
  name: 'bullmq',
  async run(): Promise<BenchResult[]> {
    const redis = await startTestRedis();
    try {
      const connection = { host: '127.0.0.1', port: redis.port };
      return [...(await sampling(redis, connection)), await groupRetry(redis, connection)];
    } finally {
      await redis.stop();
    }
  },
};

/**
 * The sync's queue tasks against 30 queues, run as often as in sampledMinutes of the app (the
 * counts every 10 s, the failed jobs every minute) back to back, and the CPU they took as a share
 * of one core over those minutes. Beside it, BullMQ's own getJobCounts of the same queues as often.
 */
async function sampling(redis: TestRedis, connection: ConnectionOptions): Promise<BenchResult[]> {
  const queues = await Promise.all(Array.from({ length: sampledQueues }, (_, index) => fillQueue(`sampled-${index}`, connection, { waiting: 200, failed: 20 })));
  const cache = makeCacheDb();
  const source = createBullmqQueueSource({ url: redis.url, clock: systemClock });
  try {
    const [counts, failedJobs] = queueSyncTasks(cache.db, source, defaultSchedule, systemClock);
    const countsPerMinute = 60_000 / defaultSchedule.queuesMs;
    const failedPerMinute = 60_000 / defaultSchedule.failedJobsMs;
    await counts!.run(); // connects and opens the queues once, as the app does
    const ours = await cpuOf(redis, async () => {
      for (let minute = 0; minute < sampledMinutes; minute++) {
        for (let run = 0; run < countsPerMinute; run++) await counts!.run();
        for (let run = 0; run < failedPerMinute; run++) await failedJobs!.run();
      }
    });
    const baseline = await cpuOf(redis, async () => {
      for (let run = 0; run < sampledMinutes * countsPerMinute; run++) await Promise.all(queues.map((queue) => queue.getJobCounts()));
    });
    const share = (ms: number) => Math.round((ms / (sampledMinutes * 60_000)) * 10_000) / 100;
    const note = (cpu: { process: number; redis: number }) => `${sampledQueues} queues of 200 waiting + 20 failed; ${sampledMinutes} min of sampling run back to back; redis-server took ${share(cpu.redis)}% more`;
    return [
      { name: 'BullMQ sampling, 30 queues every 10 s: CPU of one core', value: share(ours.process), unit: '%', target: '<= 5', note: note(ours) },
      { name: "BullMQ's own getJobCounts of the same queues as often: CPU of one core", value: share(baseline.process), unit: '%', note: note(baseline) },
    ];
  } finally {
    await source.close();
    cache.remove();
    await Promise.all(queues.map((queue) => queue.close()));
  }
}

/**
 * Retrying a 10,000-job failure group (its listed ids) through the BullMQ source, as a rate beside
 * retryJobs of an identical queue; each side the median of a few rounds, taken in turns.
 */
async function groupRetry(redis: TestRedis, connection: ConnectionOptions): Promise<BenchResult> {
  const source = createBullmqQueueSource({ url: redis.url, clock: systemClock });
  const ours: number[] = [];
  const theirs: number[] = [];
  try {
    for (let round = 0; round < retryRounds; round++) {
      ours.push(await timedRetry(`ours-${round}`, connection, async (name) => {
        const ids = (await source.failedJobs(name, groupSize)).map((job) => job.id);
        return async () => {
          const outcome = await source.act({ kind: 'retry-jobs', queue: name, group: 'bench', ids }, 'bench');
          if (outcome.done !== groupSize) throw new Error(`the group retry retried ${outcome.done} of ${groupSize} jobs.`);
        };
      }));
      theirs.push(await timedRetry(`theirs-${round}`, connection, async (_, queue) => async () => {
        await queue.retryJobs({ state: 'failed', count: 1_000 });
        if ((await queue.getFailedCount()) !== 0) throw new Error('retryJobs left failed jobs behind.');
      }));
    }
  } finally {
    await source.close();
  }
  return {
    name: 'retry a 10,000-job failure group on real Redis',
    value: Math.round(groupSize / median(ours)),
    baseline: Math.round(groupSize / median(theirs)),
    unit: 'jobs/s',
    target: '>= 0.5',
    note: `baseline: BullMQ's queue.retryJobs of an identical queue; medians of ${retryRounds} rounds each`,
  };
}

/** Seconds that the retry `prepare` returns takes on a fresh queue of groupSize failed jobs. */
async function timedRetry(name: string, connection: ConnectionOptions, prepare: (name: string, queue: Queue) => Promise<() => Promise<void>>): Promise<number> {
  const queue = await fillQueue(`group-${name}`, connection, { waiting: 0, failed: groupSize });
  try {
    const retry = await prepare(queue.name, queue);
    const started = performance.now();
    await retry();
    return (performance.now() - started) / 1000;
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A queue with `waiting` jobs and `failed` jobs that a real worker failed, for reasons of a few kinds. */
async function fillQueue(name: string, connection: ConnectionOptions, { waiting, failed }: { waiting: number; failed: number }): Promise<Queue> {
  const queue = new Queue(name, { connection });
  if (failed > 0) {
    const worker = new Worker(name, async (job) => {
      throw new Error(`SMTP 421 too many connections from 10.0.${job.data.n % 256}.${job.data.n % 7}`);
    }, { connection, concurrency: 200 });
    const done = new Promise<void>((resolve) => {
      let count = 0;
      worker.on('failed', () => ++count === failed && resolve());
    });
    for (let start = 0; start < failed; start += 1_000) {
      await queue.addBulk(Array.from({ length: Math.min(1_000, failed - start) }, (_, n) => ({ name: 'send', data: { n: start + n } })));
    }
    await done;
    await worker.close();
  }
  if (waiting > 0) await queue.addBulk(Array.from({ length: waiting }, (_, n) => ({ name: 'send', data: { n } })));
  return queue;
}

/** CPU milliseconds this process and the redis-server spent on `work`. */
async function cpuOf(redis: TestRedis, work: () => Promise<void>): Promise<{ process: number; redis: number }> {
  const processBefore = process.cpuUsage();
  const redisBefore = redisCpuMs(redis.pid);
  await work();
  const used = process.cpuUsage(processBefore);
  return { process: (used.user + used.system) / 1000, redis: redisCpuMs(redis.pid) - redisBefore };
}

/** utime + stime of a process, from /proc, in milliseconds (clock ticks are 1/100 s on Linux). */
function redisCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
