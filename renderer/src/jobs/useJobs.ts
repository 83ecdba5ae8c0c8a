import { useSyncExternalStore } from 'react';
import type { Job } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useConsoleValue } from '../api/useConsoleValue.ts';

/** Imports, exports and verifications the main side is running or has finished. */
export function useJobs(): Job[] {
  const { api } = useConsole();
  const jobs = useConsoleValue(() => api['jobs/list']({}), 'jobs/changed');
  return jobs.status === 'ready' ? jobs.value.jobs : [];
}

// Jobs this window started: only those download their result automatically. A small store,
// since a quick job can finish before the call that started it has answered.
const startedHere = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

export function markStartedHere(jobId: string): void {
  startedHere.add(jobId);
  version++;
  for (const listener of listeners) listener();
}

/** The ids of jobs this window started; re-renders when one is added. */
export function useStartedHere(): { ids: ReadonlySet<string>; version: number } {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
  return { ids: startedHere, version: current };
}
