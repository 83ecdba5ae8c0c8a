import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../electron/services/event-bus.ts';
import { createJobs } from '../../electron/services/jobs/jobs.ts';
import { createWorkInProgress } from '../../electron/services/jobs/work-in-progress.ts';

const noResult = { downloads: [], savedTo: null, sourceId: null };

describe('work in progress (what a restart to update would cut short)', () => {
  it('lists running jobs and tracked calls while they run, and neither once they end, failed or not', async () => {
    const jobs = createJobs(createEventBus());
    const work = createWorkInProgress(jobs.running);
    let endImport!: () => void;
    jobs.start('import', 'Importing audit-2026-11.ndjson', null, () => new Promise((done) => (endImport = () => done(noResult))));
    let endAction!: (ok: boolean) => void;
    const act = work.track('a queue action', () => new Promise<string>((done, fail) => (endAction = (ok) => (ok ? done('retried') : fail(new Error('refused'))))));

    const first = act(undefined);
    expect(work.labels()).toEqual(['Importing audit-2026-11.ndjson', 'a queue action']);
    endAction(true);
    expect(await first).toBe('retried');
    expect(work.labels()).toEqual(['Importing audit-2026-11.ndjson']);

    const second = act(undefined);
    endAction(false);
    await expect(second).rejects.toThrow('refused');
    endImport();
    await new Promise((done) => setImmediate(done));
    expect(work.labels()).toEqual([]);
  });

  it('stops counting a cancelled job', async () => {
    const jobs = createJobs(createEventBus());
    const id = jobs.start('export', 'Exporting 1,200 events', null, ({ signal }) => new Promise((_done, fail) => signal.addEventListener('abort', () => fail(new Error('aborted')))));
    expect(jobs.running()).toEqual(['Exporting 1,200 events']);
    await jobs.handlers['jobs/cancel']({ jobId: id });
    await new Promise((done) => setImmediate(done));
    expect(jobs.running()).toEqual([]);
  });
});
