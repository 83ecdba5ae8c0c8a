/** One benchmark figure, printed beside its target. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /**
   * The yardstick of this machine at this moment, in the value's unit, measured in the same run
   * (see baseline.ts). With one, the target bounds value / baseline, so it holds across machines.
   */
  baseline?: number;
  /** e.g. ">= 0.33" (of the baseline, when there is one) or "<= 10"; a figure without a target is informational. */
  target?: string;
  note?: string;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** What the target bounds: value / baseline when the figure has a baseline, else the value. */
export function targetedValue(result: BenchResult): number {
  return result.baseline === undefined ? result.value : result.value / result.baseline;
}

export function meetsTarget(result: BenchResult): boolean | null {
  if (!result.target) return null;
  const match = /^(>=|<=)\s*([\d.]+)$/.exec(result.target);
  if (!match) return null;
  const bound = Number(match[2]);
  const value = targetedValue(result);
  return match[1] === '>=' ? value >= bound : value <= bound;
}
