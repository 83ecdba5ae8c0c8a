import type { Job, JobState } from '../../shared/ops-api/index.ts';
import type { QueueSpec } from './queue-catalog.ts';
import { queueSpecs, stacktraceOf } from './queue-catalog.ts';
import { queueLoadAt } from './queue-load.ts';
import type { Random } from './random.ts';
import type { DemoTenant } from './tenants.ts';
import { dayMs, iso, minuteMs } from './time.ts';

export interface MetricRow {
  queue: string;
  at_ms: number;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed_per_min: number;
  failed_per_min: number;
  oldest_waiting_age_ms: number | null;
}

/** Metrics history covers this much, one point a minute. */
export const metricsHistoryMs = 8 * dayMs;

/** Completed jobs kept per queue, like BullMQ's removeOnComplete. */
export const completedRetained = 200;

export function generateJob(random: Random, spec: QueueSpec, tenant: DemoTenant, state: JobState, created: number, now: number): Job {
  const { name, data } = spec.job(random, tenant);
  const failure = state === 'failed' ? random.pick(spec.failures) : null;
  const processed = state === 'waiting' || state === 'delayed' || state === 'prioritized' ? null : Math.min(now, created + random.int(5, 4_000));
  const finished = state === 'completed' || state === 'failed' ? Math.min(now, (processed ?? created) + random.int(spec.processing_ms_p50 / 2, spec.processing_ms_p95)) : null;
  const attempts = state === 'failed' ? spec.max_attempts : state === 'completed' ? (random.chance(0.05) ? 2 : 1) : state === 'active' ? 1 : 0;
  return {
    id: String(random.int(100_000, 9_999_999)),
    queue: spec.name,
    name,
    tenant_id: tenant.id,
    state,
    attempts_made: attempts,
    max_attempts: spec.max_attempts,
    created_at: iso(created),
    processed_at: processed === null ? null : iso(processed),
    finished_at: finished === null ? null : iso(finished),
    failed_reason: failure?.reason ?? null,
    stacktrace: failure === null ? null : stacktraceOf(failure, attempts),
    data,
  };
}

/** The jobs each queue holds now, oldest first, consistent with the modelled load at `now`. */
export function generateJobs(random: Random, tenants: DemoTenant[], now: number): Job[] {
  const jobs: Job[] = [];
  const used = new Set<string>();
  const add = (spec: QueueSpec, state: JobState, created: number) => {
    let job = generateJob(random, spec, random.pick(tenants), state, created, now);
    while (used.has(`${spec.name}/${job.id}`)) job = { ...job, id: String(random.int(100_000, 9_999_999)) };
    used.add(`${spec.name}/${job.id}`);
    jobs.push(job);
  };
  for (const spec of queueSpecs) {
    const load = queueLoadAt(spec, now, random.next());
    const counts: Array<[JobState, number, number]> = [
      ['completed', completedRetained, 60 * minuteMs],
      ['failed', random.int(3, 60), 3 * dayMs],
      ['delayed', random.int(0, 40), 30 * minuteMs],
      ['prioritized', spec.name === 'email-sending:high' ? random.int(1, 20) : 0, 2 * minuteMs],
      ['waiting', Math.min(load.waiting, 3_000), Math.max(minuteMs, (load.waiting / Math.max(load.completed_per_min, 1)) * minuteMs)],
      ['active', Math.min(spec.workers, load.waiting), 20_000],
    ];
    for (const [state, count, spread] of counts) {
      const times = Array.from({ length: count }, () => now - random.int(1_000, spread)).sort((a, b) => a - b);
      for (const created of times) add(spec, state, created);
    }
  }
  return jobs.sort((a, b) => a.created_at.localeCompare(b.created_at));
}

/** One point a minute per queue over the history window before `now`. */
export function* generateMetrics(random: Random, now: number): Generator<MetricRow> {
  const first = Math.floor((now - metricsHistoryMs) / minuteMs) * minuteMs;
  for (const spec of queueSpecs) {
    let failed = random.int(0, 20);
    for (let at = first; at <= now; at += minuteMs) {
      const load = queueLoadAt(spec, at, random.next());
      failed = Math.max(0, failed + Math.round(load.failed_per_min) - (random.chance(0.002) ? failed : 0));
      yield {
        queue: spec.name,
        at_ms: at,
        waiting: load.waiting,
        active: Math.min(spec.workers, load.waiting),
        delayed: random.int(0, 40),
        failed,
        completed_per_min: load.completed_per_min,
        failed_per_min: load.failed_per_min,
        oldest_waiting_age_ms: load.waiting === 0 ? null : Math.round((load.waiting / Math.max(load.completed_per_min, 1)) * minuteMs),
      };
    }
  }
}
