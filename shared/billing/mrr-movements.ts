import type { BillingSummaryPoint } from '../ops-api/index.ts';
import { addMonths, monthRange } from './months.ts';

/** One tenant's MRR in one month; a month a tenant has no row for counts as zero. */
export interface TenantMrrMonth {
  tenant_id: string;
  month: string;
  mrr_cents: number;
}

/**
 * MRR by month and what moved it, as ChartMogul names the movements: each tenant's change from
 * the month before counts as new business (its first revenue ever), reactivation (revenue again
 * after a month at zero), expansion, contraction or churn (down to zero). So for every month
 * mrr = previous mrr + new + expansion + reactivation - contraction - churn. `rows` must reach back
 * to each tenant's first paid month, or a returning tenant would count as new.
 */
export function mrrMovements(rows: readonly TenantMrrMonth[], from: string, to: string): BillingSummaryPoint[] {
  const months = monthRange(from, to);
  const points = months.map((month) => ({ month, mrr_cents: 0, new_cents: 0, expansion_cents: 0, contraction_cents: 0, churn_cents: 0, reactivation_cents: 0, active_tenants: 0 }));
  for (const history of byTenant(rows).values()) {
    const firstPaid = [...history].filter(([, mrr]) => mrr > 0).map(([month]) => month).sort()[0];
    for (const point of points) {
      const current = history.get(point.month) ?? 0;
      const previous = history.get(addMonths(point.month, -1)) ?? 0;
      point.mrr_cents += current;
      if (current > 0) point.active_tenants += 1;
      if (previous === 0 && current > 0) {
        if (point.month === firstPaid) point.new_cents += current;
        else point.reactivation_cents += current;
      } else if (previous > 0 && current === 0) point.churn_cents += previous;
      else if (current > previous) point.expansion_cents += current - previous;
      else point.contraction_cents += previous - current;
    }
  }
  return points;
}

function byTenant(rows: readonly TenantMrrMonth[]): Map<string, Map<string, number>> {
  const tenants = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const history = tenants.get(row.tenant_id) ?? new Map<string, number>();
    history.set(row.month, row.mrr_cents);
    tenants.set(row.tenant_id, history);
  }
  return tenants;
}
