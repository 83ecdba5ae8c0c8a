import { randomUUID } from 'node:crypto';
import type { ConsoleHandlers, Job, JobStep } from '../../../shared/console-api/index.ts';
import type { EventBus } from '../event-bus.ts';

export interface JobContext {
  signal: AbortSignal;
  /** The job's progress and what it is doing; a job of several phases also gives each one's (steps). */
  progress(fraction: number | null, detail: string, steps?: JobStep[]): void;
}

export type JobRun = (context: JobContext) => Promise<NonNullable<Job['result']>>;

type JobsHandlers = Pick<ConsoleHandlers, 'jobs/list' | 'jobs/cancel' | 'jobs/dismiss'>;

/** Progress is pushed at most this often; start and end always are. */
const progressIntervalMs = 200;

/**
 * Long work (imports, exports, verifications) run for the renderer: each job reports progress,
 * can be cancelled, and ends done, failed (with the message) or cancelled. Every change is
 * pushed as 'jobs/changed'.
 */
export function createJobs(events: EventBus) {
  const jobs = new Map<string, { job: Job; controller: AbortController }>();
  let lastPush = 0;

  const list = () => ({ jobs: [...jobs.values()].map(({ job }) => job) });
  const push = () => {
    lastPush = Date.now();
    events.emit('jobs/changed', list());
  };
  const update = (id: string, patch: Partial<Job>, force = true) => {
    const entry = jobs.get(id);
    if (entry === undefined) return;
    entry.job = { ...entry.job, ...patch };
    if (force || Date.now() - lastPush >= progressIntervalMs) push();
  };

  function start(kind: Job['kind'], label: string, subject: string | null, run: JobRun): string {
    const id = randomUUID();
    const controller = new AbortController();
    jobs.set(id, { controller, job: { id, kind, label, subject, state: 'running', progress: 0, detail: null, steps: [], error: null, result: null } });
    push();
    const context: JobContext = {
      signal: controller.signal,
      progress: (progress, detail, steps) => update(id, { progress, detail, ...(steps === undefined ? {} : { steps }) }, false),
    };
    run(context).then(
      (result) => update(id, { state: 'done', progress: 1, result }),
      (error: unknown) =>
        controller.signal.aborted
          ? update(id, { state: 'cancelled', detail: 'Cancelled; nothing was kept.' })
          : update(id, { state: 'failed', error: (error as Error).message }),
    );
    return id;
  }

  const handlers: JobsHandlers = {
    'jobs/list': async () => list(),
    'jobs/cancel': async ({ jobId }) => {
      const entry = jobs.get(jobId);
      if (entry === undefined) throw new Error(`No job ${jobId}.`);
      entry.controller.abort();
      return list();
    },
    'jobs/dismiss': async ({ jobId }) => {
      if (jobs.get(jobId)?.job.state !== 'running') jobs.delete(jobId);
      push();
      return list();
    },
  };

  return {
    start,
    handlers,
    /** The labels of the jobs still running. */
    running: (): string[] => [...jobs.values()].filter(({ job }) => job.state === 'running').map(({ job }) => job.label),
    /** Cancels every running job (on shutdown). */
    cancelAll(): void {
      for (const { controller } of jobs.values()) controller.abort();
    },
  };
}
