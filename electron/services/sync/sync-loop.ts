import { syncResources } from '../../../shared/data-views.ts';
import { OpsApiError } from '../ops-api/ops-api-error.ts';
import { SourceUnreachableError } from '../source-unreachable.ts';
import { errorReason } from '../error-reason.ts';
import { markChecked, markSyncFailed } from '../cache/sync-state.ts';
import { IntegrityError } from './integrity-error.ts';
import type { SyncLoopOptions } from './sync-task.ts';
import { syncTasks } from './sync-tasks.ts';

const maxBackoffMs = 60_000;

/**
 * Runs every sync task on its schedule until `signal` aborts. A failure backs that task off
 * (doubling up to a minute while the platform is unreachable); an integrity failure stops the
 * audit task for good. `syncNow()` runs everything that is not stopped at once.
 */
export function createSyncLoop(options: SyncLoopOptions) {
  const { db, source, post, signal, clock } = options;
  const tasks = syncTasks(options).map((task) => ({ ...task, nextAt: 0, failures: 0, stopped: false }));
  let wake: (() => void) | null = null;
  let scopesKnown = false;

  /** Says once what the source cannot sync, and stops the tasks the token has no scope for once the platform has said which it has. */
  async function skipWhatCannotSync(): Promise<void> {
    if (scopesKnown) return;
    if (source.kind === 'bullmq') {
      scopesKnown = true;
      for (const resource of syncResources.filter((candidate) => !tasks.some((task) => task.resource === candidate))) {
        post({ kind: 'skipped', resource, reason: 'a BullMQ (Redis) profile has queues only' });
      }
      return;
    }
    const scopes = await source.client.call('getMe').then(
      (me) => me.scopes,
      () => null, // unreachable or refused: the tasks themselves will say so
    );
    if (scopes === null) return;
    scopesKnown = true;
    for (const task of tasks) {
      if (task.scope === null || scopes.includes(task.scope)) continue;
      task.stopped = true;
      post({ kind: 'skipped', resource: task.resource, reason: `the token lacks scope ${task.scope}` });
    }
  }

  /** Runs the tasks that are due; resolves to the messages of those that failed. */
  async function runDue(): Promise<string[]> {
    const failures: string[] = [];
    await skipWhatCannotSync();
    for (const task of tasks) {
      if (signal.aborted) break;
      if (task.stopped || task.nextAt > clock()) continue;
      try {
        const changed = await task.run();
        const at = clock();
        markChecked(db, task.resource, at);
        task.failures = 0;
        task.nextAt = at + task.everyMs;
        post({ kind: 'success', resource: task.resource, at, changed });
      } catch (error) {
        if (signal.aborted) break;
        const unreachable = (error instanceof OpsApiError && error.isUnreachable) || error instanceof SourceUnreachableError;
        const integrity = error instanceof IntegrityError;
        task.failures++;
        task.stopped = integrity;
        const at = clock();
        task.nextAt = at + Math.min(task.everyMs * 2 ** (task.failures - 1), Math.max(task.everyMs, maxBackoffMs));
        const reason = errorReason(error);
        markSyncFailed(db, task.resource, reason, at);
        post({ kind: 'failure', resource: task.resource, at, message: reason, unreachable, integrity });
        failures.push(reason);
      }
    }
    return failures;
  }

  function sleepUntilNextTask(): Promise<void> {
    const next = Math.min(...tasks.filter((task) => !task.stopped).map((task) => task.nextAt));
    return new Promise((done) => {
      const timer = setTimeout(finish, Math.max(0, Math.min(next - clock(), maxBackoffMs)));
      function finish() {
        clearTimeout(timer);
        signal.removeEventListener('abort', finish);
        wake = null;
        done();
      }
      wake = finish;
      signal.addEventListener('abort', finish, { once: true });
    });
  }

  return {
    async run(): Promise<void> {
      while (!signal.aborted) {
        await runDue();
        if (!signal.aborted) await sleepUntilNextTask();
      }
    },
    /** Every task once, now; resolves to the failure messages. */
    runOnce(): Promise<string[]> {
      for (const task of tasks) task.nextAt = 0;
      return runDue();
    },
    syncNow(): void {
      for (const task of tasks) task.nextAt = 0;
      wake?.();
    },
  };
}
