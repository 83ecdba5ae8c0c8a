import type { JobStep } from '../../../shared/console-api/index.ts';
import type { ImportPhase, ImportProgress } from '../audit-import/import-progress.ts';
import { importPhases, phaseDetail, phaseFraction, phaseLabels } from '../audit-import/import-progress.ts';
import type { JobContext } from '../jobs/jobs.ts';

/** Each phase's share of the whole bar, about its share of an import's time. */
const weights: Record<ImportPhase, number> = { reading: 0.5, indexing: 0.15, text: 0.2, verifying: 0.15 };

/**
 * An import as its job shows it: a step per phase with its own progress, the bar as the phases'
 * weighted sum, and as detail what the phases under way are doing.
 */
export function importJobProgress(job: Pick<JobContext, 'progress'>): { report(progress: ImportProgress): void; finish(detail: string, verified: boolean): void } {
  const latest = new Map<ImportPhase, ImportProgress>();
  const stateOf = (progress: ImportProgress | undefined): JobStep['state'] => (progress === undefined ? 'waiting' : phaseFraction(progress) >= 1 ? 'done' : 'running');
  const steps = (phases: readonly ImportPhase[]): JobStep[] =>
    phases.map((phase) => {
      const progress = latest.get(phase);
      return { label: phaseLabels[phase], state: stateOf(progress), progress: progress === undefined ? 0 : phaseFraction(progress), detail: progress === undefined ? null : phaseDetail(progress) };
    });

  return {
    report(progress) {
      latest.set(progress.phase, progress);
      const fraction = importPhases.reduce((sum, phase) => sum + weights[phase] * (latest.has(phase) ? phaseFraction(latest.get(phase)!) : 0), 0);
      const all = steps(importPhases);
      const underWay = all.filter((step) => step.state === 'running').map((step) => `${step.label}: ${step.detail}`);
      job.progress(Math.min(fraction, 1), underWay.join(' · ') || phaseLabels[progress.phase], all);
    },
    /** The end: every step done, the verification's only when there was one (a CSV import has none). */
    finish(detail, verified) {
      job.progress(1, detail, steps(importPhases.filter((phase) => verified || phase !== 'verifying')));
    },
  };
}
