import { problemListLimit } from '../../../shared/audit/verify-report.ts';
import type { VerifyProblem, VerifyProblemKind } from '../../../shared/audit/verify-report.ts';

/** Collects problems in the order found: every one counted, the first problemListLimit listed. */
export class ProblemLog {
  readonly listed: VerifyProblem[] = [];
  readonly counts: Partial<Record<VerifyProblemKind, number>> = {};
  omitted = 0;

  add(problem: VerifyProblem): void {
    this.counts[problem.kind] = (this.counts[problem.kind] ?? 0) + 1;
    if (this.listed.length < problemListLimit) this.listed.push(problem);
    else this.omitted++;
  }

  has(...kinds: VerifyProblemKind[]): boolean {
    return kinds.some((kind) => this.counts[kind] !== undefined);
  }

  get empty(): boolean {
    return this.listed.length === 0;
  }
}
