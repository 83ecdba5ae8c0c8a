import type { BillingSummaryPoint } from '../ops-api/index.ts';

/**
 * ChartMogul's metrics of one month's MRR and its movements. A rate is a fraction (0.05 is 5 %);
 * a figure that would divide by zero is null ("no MRR at the start", "nothing lost").
 */
export type MrrMonth = Omit<BillingSummaryPoint, 'month'>;

/** MRR at the start of the month: the end of the one before, i.e. this month's MRR less its net movement. */
export function startingMrrCents(point: MrrMonth): number {
  return point.mrr_cents - point.new_cents - point.expansion_cents - point.reactivation_cents + point.contraction_cents + point.churn_cents;
}

/** (churn + contraction) / MRR at the start of the month. */
export function grossMrrChurnRate(point: MrrMonth): number | null {
  const start = startingMrrCents(point);
  return start === 0 ? null : (point.churn_cents + point.contraction_cents) / start;
}

/** (churn + contraction - expansion - reactivation) / MRR at the start of the month; below zero is net negative churn. */
export function netMrrChurnRate(point: MrrMonth): number | null {
  const start = startingMrrCents(point);
  return start === 0 ? null : (point.churn_cents + point.contraction_cents - point.expansion_cents - point.reactivation_cents) / start;
}

/** (new business + expansion + reactivation) / (churn + contraction): MRR gained per unit lost. */
export function quickRatio(point: MrrMonth): number | null {
  const lost = point.churn_cents + point.contraction_cents;
  return lost === 0 ? null : (point.new_cents + point.expansion_cents + point.reactivation_cents) / lost;
}

/** Average revenue per account: MRR / paying tenants, to the nearest minor unit. */
export function arpaCents(point: Pick<MrrMonth, 'mrr_cents' | 'active_tenants'>): number | null {
  return point.active_tenants === 0 ? null : Math.round(point.mrr_cents / point.active_tenants);
}

/** Annual run rate: MRR x 12. */
export const arrCents = (mrrCents: number): number => mrrCents * 12;
