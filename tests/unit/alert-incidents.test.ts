import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/console-api/index.ts';
import type { QueueFlag, QueueSummary } from '../../shared/console-api/index.ts';
import { AlertIncidents } from '../../electron/services/queues/alert-incidents.ts';

const summary = (name: string, flags: QueueFlag[], waiting = 10): QueueSummary => ({
  name,
  paused: false,
  workers: 2,
  counts: { waiting, active: 1, delayed: 0, failed: 3, completed: 100, prioritized: 0 },
  completedPerMin: 50,
  failedPerMin: 10,
  failureRate: 10 / 60,
  oldestWaitingAgeMs: 15 * 60_000,
  depthGrowth: 0,
  sparkline: [],
  flags,
  sampledAt: '2026-12-01T00:00:00.000Z',
});
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 0, minute)).toISOString();

describe('queue alert incidents', () => {
  it('raise one notice per crossing, however many samples stay past the threshold, and one on recovery', () => {
    const incidents = new AlertIncidents('acme');
    const settings = defaultSettings.queueAlerts;
    const raised = incidents.update([summary('emails', ['backing-up'], 1_204)], settings, at(0));
    expect(raised.map(({ queue, kind, state, message }) => ({ queue, kind, state, message }))).toEqual([
      { queue: 'emails', kind: 'backing-up', state: 'raised', message: 'emails is backing up: 1,204 jobs waiting, above 1,000.' },
    ]);
    expect(incidents.update([summary('emails', ['backing-up'], 1_500)], settings, at(1))).toEqual([]);
    expect(incidents.update([summary('emails', ['backing-up', 'paused'], 1_600)], settings, at(2))).toEqual([]);
    expect(incidents.current()).toEqual([{ queue: 'emails', kind: 'backing-up', message: raised[0]!.message, since: at(0) }]);

    const recovered = incidents.update([summary('emails', [])], settings, at(3));
    expect(recovered.map(({ state, message }) => ({ state, message }))).toEqual([{ state: 'recovered', message: 'emails recovered: jobs waiting back under the threshold.' }]);
    expect(incidents.current()).toEqual([]);

    const again = incidents.update([summary('emails', ['backing-up'])], settings, at(4));
    expect(again).toHaveLength(1);
    expect(again[0]!.id).not.toBe(raised[0]!.id);
  });

  it('keeps the kinds and queues apart, and names the thresholds of each queue', () => {
    const incidents = new AlertIncidents('acme');
    const settings = { ...defaultSettings.queueAlerts, perQueue: { reports: { oldestWaitingMinutes: 5, failureRatePercent: 2 } } };
    const notices = incidents.update([summary('reports', ['old-waiting', 'failing']), summary('emails', ['failing'])], settings, at(0));
    expect(notices.map((notice) => notice.message)).toEqual([
      'reports: the oldest waiting job is 15 min old, above 5 min.',
      'reports is failing: 17% of finished jobs failed, above 2%.',
      'emails is failing: 17% of finished jobs failed, above 5%.',
    ]);
    expect(incidents.update([summary('reports', ['failing']), summary('emails', ['failing'])], settings, at(1)).map((notice) => [notice.queue, notice.kind, notice.state])).toEqual([
      ['reports', 'old-waiting', 'recovered'],
    ]);
  });
});
