import type { ActionOutcome } from './queue-source.ts';

const counted = (n: number) => n.toLocaleString('en-US');

/** What an action did, in the same words whatever source carried it out. */
export const actionOutcomes = {
  retriedJob: (id: string): ActionOutcome => ({ done: 1, failed: 0, message: `Retried job ${id}.` }),
  removedJob: (id: string): ActionOutcome => ({ done: 1, failed: 0, message: `Removed job ${id}.` }),
  /** A listed group: `gone` are the jobs that had left the failed state since the user saw them. */
  retriedListed(listed: number, gone: readonly string[]): ActionOutcome {
    const done = listed - gone.length;
    const message = `Retried ${counted(done)} of ${counted(listed)} jobs` + (gone.length === 0 ? '.' : `; ${counted(gone.length)} had left the failed state since (e.g. ${gone[0]}).`);
    return { done, failed: gone.length, message };
  },
  retriedAll: (retried: number, shown: number): ActionOutcome => ({ done: retried, failed: 0, message: `Retried ${counted(retried)} failed jobs (${counted(shown)} were shown).` }),
  pausedOrResumed: (kind: 'pause' | 'resume', queue: string): ActionOutcome => ({ done: 1, failed: 0, message: kind === 'pause' ? `Paused ${queue}.` : `Resumed ${queue}.` }),
};
