import type { ImportPhase, ImportProgress } from './import-progress.ts';
import { phaseComplete } from './import-progress.ts';

/** A phase under way that has said nothing for this long has its last report repeated. */
const heartbeatMs = 1_000;
const checkEveryMs = 250;

/**
 * Passes an import's progress on, repeating the last report of each phase under way that has
 * said nothing for a second: SQLite tells nothing while it builds one index, nor does a thread
 * while it starts. A repeated index report says how long that index has been building.
 */
export function progressHeartbeat(onProgress: (progress: ImportProgress) => void): { report(progress: ImportProgress): void; stop(): void } {
  const underWay = new Map<ImportPhase, { progress: ImportProgress; at: number; since: number }>();
  const timer = setInterval(() => {
    const now = performance.now();
    for (const entry of underWay.values()) {
      if (now - entry.at < heartbeatMs) continue;
      entry.at = now;
      onProgress(entry.progress.phase === 'indexing' ? { ...entry.progress, buildingMs: now - entry.since } : entry.progress);
    }
  }, checkEveryMs);
  timer.unref();

  return {
    report(progress) {
      const now = performance.now();
      const previous = underWay.get(progress.phase);
      if (phaseComplete(progress)) underWay.delete(progress.phase);
      else underWay.set(progress.phase, { progress, at: now, since: previous !== undefined && sameStep(previous.progress, progress) ? previous.since : now });
      onProgress(progress);
    },
    stop: () => clearInterval(timer),
  };
}

/** Whether two reports of a phase are about the same step: for the field indexes, the same index. */
function sameStep(previous: ImportProgress, next: ImportProgress): boolean {
  return previous.phase !== 'indexing' || next.phase !== 'indexing' || previous.building === next.building;
}
