import type { ImportPhase, ImportProgress } from '../services/audit-import/import-progress.ts';
import { importPhases, phaseComplete, phaseDetail, phaseLabels } from '../services/audit-import/import-progress.ts';

/** Off a terminal, a phase's progress is printed at most this often (its last report always is). */
const lineEveryMs = 1_000;

/**
 * Prints an import's progress on a stream (stderr), a line per phase: on a terminal, the phases
 * under way share one line rewritten in place, and each phase leaves its final line when it
 * completes; elsewhere (a log, a pipe) each phase prints a line about every second, and its last.
 */
export function importProgressLines(out: NodeJS.WriteStream): { report(progress: ImportProgress): void; end(): void } {
  const running = new Map<ImportPhase, ImportProgress>();
  const finished = new Set<ImportPhase>();
  const printedAt = new Map<ImportPhase, number>();
  const line = (progress: ImportProgress) => `${phaseLabels[progress.phase]}: ${phaseDetail(progress)}`;
  const clearStatus = () => out.isTTY && out.write('\r\u001b[K');
  const drawStatus = () => out.isTTY && out.write(importPhases.flatMap((phase) => (running.has(phase) ? [line(running.get(phase)!)] : [])).join(' · '));

  return {
    report(progress) {
      const { phase } = progress;
      if (finished.has(phase)) return;
      const complete = phaseComplete(progress);
      if (complete) {
        running.delete(phase);
        finished.add(phase);
      } else {
        running.set(phase, progress);
      }
      if (out.isTTY) {
        clearStatus();
        if (complete) out.write(`${line(progress)}\n`);
        drawStatus();
        return;
      }
      const now = performance.now();
      if (!complete && now - (printedAt.get(phase) ?? -Infinity) < lineEveryMs) return;
      printedAt.set(phase, now);
      out.write(`${line(progress)}\n`);
    },
    end() {
      clearStatus();
      running.clear();
    },
  };
}
