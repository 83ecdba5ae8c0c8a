/** One benchmark figure, printed beside its target. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** e.g. ">= 100000" or "<= 10"; a figure without a target is informational. */
  target?: string;
  note?: string;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}

export function meetsTarget(result: BenchResult): boolean | null {
  if (!result.target) return null;
  const match = /^(>=|<=)\s*([\d.]+)$/.exec(result.target);
  if (!match) return null;
  const bound = Number(match[2]);
  return match[1] === '>=' ? result.value >= bound : result.value <= bound;
}
