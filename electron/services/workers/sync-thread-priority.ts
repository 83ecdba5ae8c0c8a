import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/**
 * Lowers the calling worker thread's CPU priority, so that on a machine with few cores the main
 * thread, which must stay responsive, wins the CPU over background reading. Linux only, where
 * a thread has its own nice value (set through its thread id); elsewhere setPriority would
 * lower the whole process, so this does nothing.
 */
export function lowerThreadPriority(): void {
  if (process.platform !== 'linux') return;
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
  setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
}
