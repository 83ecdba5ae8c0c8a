import { constants, setPriority } from 'node:os';

/**
 * Lowers the priority of the calling thread, for threads that do long background work (a bulk
 * sync keeps every core busy): the main process's thread, which answers the window, then
 * always gets a core first. Only on Linux, where a thread has a priority of its own; elsewhere
 * this call would lower the whole app.
 */
export function runAtBackgroundPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // A sandbox may refuse it; the work still runs, only at normal priority.
  }
}
