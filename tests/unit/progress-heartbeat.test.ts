// A phase under way that says nothing for a second has its last report repeated (an index build
// with how long it has run), until it reports that it is complete. On a fake clock: no timing here.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ImportProgress } from '../../electron/services/audit-import/import-progress.ts';
import { progressHeartbeat } from '../../electron/services/audit-import/progress-heartbeat.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const building = (built: number, name: string | null): ImportProgress => ({ phase: 'indexing', built, indexes: 2, building: name, buildingMs: 0 });

it('repeats a silent phase every second, an index with the time it has been building, and stops once the phase is complete', () => {
  const heard: ImportProgress[] = [];
  const heartbeat = progressHeartbeat((progress) => heard.push(progress));

  heartbeat.report(building(0, 'audit_events_tenant'));
  vi.advanceTimersByTime(900);
  expect(heard).toHaveLength(1);
  vi.advanceTimersByTime(2_200);
  expect(heard.slice(1)).toEqual([
    { ...building(0, 'audit_events_tenant'), buildingMs: 1_000 },
    { ...building(0, 'audit_events_tenant'), buildingMs: 2_000 },
    { ...building(0, 'audit_events_tenant'), buildingMs: 3_000 },
  ]);

  vi.advanceTimersByTime(150);
  heartbeat.report(building(1, 'audit_events_ts'));
  vi.advanceTimersByTime(1_000);
  expect(heard.at(-1)).toEqual({ ...building(1, 'audit_events_ts'), buildingMs: 1_000 });

  heartbeat.report(building(2, null));
  const complete = heard.length;
  vi.advanceTimersByTime(5_000);
  expect(heard).toHaveLength(complete);
  heartbeat.stop();
});

it('repeats each phase under way on its own, and none that reports often enough', () => {
  const heard: ImportProgress[] = [];
  const heartbeat = progressHeartbeat((progress) => heard.push(progress));
  heartbeat.report({ phase: 'verifying', checked: 15_000, events: 60_000 });
  for (let indexed = 0; indexed < 30_000; indexed += 10_000) {
    heartbeat.report({ phase: 'text', indexed, events: 60_000 });
    vi.advanceTimersByTime(500);
  }
  expect(heard.filter((progress) => progress.phase === 'text')).toHaveLength(3);
  expect(heard.filter((progress) => progress.phase === 'verifying')).toEqual([
    { phase: 'verifying', checked: 15_000, events: 60_000 },
    { phase: 'verifying', checked: 15_000, events: 60_000 },
  ]);
  heartbeat.stop();
});
