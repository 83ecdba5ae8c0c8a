import { mrrMovements } from './mrr-movements.ts';
import type { TenantMrrMonth } from './mrr-movements.ts';
import type { BillingSummaryPoint } from '../ops-api/index.ts';

/**
 * Items split by their currency, largest group first (then by code): amounts in different
 * currencies are never added together, so every total is made within one group.
 */
export function groupByCurrency<T extends { currency: string }>(items: readonly T[]): Array<{ currency: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.currency);
    if (group) group.push(item);
    else groups.set(item.currency, [item]);
  }
  return [...groups]
    .map(([currency, grouped]) => ({ currency, items: grouped }))
    .sort((a, b) => b.items.length - a.items.length || a.currency.localeCompare(b.currency));
}

/**
 * MRR movements per currency: each tenant's history counts only in the currency it bills in. The
 * currency with the most paying tenants in the last month comes first, then by code.
 */
export function mrrMovementsByCurrency(rows: ReadonlyArray<TenantMrrMonth & { currency: string }>, from: string, to: string): Array<{ currency: string; points: BillingSummaryPoint[] }> {
  const payingAtEnd = (points: BillingSummaryPoint[]) => points.at(-1)?.active_tenants ?? 0;
  return groupByCurrency(rows)
    .map(({ currency, items }) => ({ currency, points: mrrMovements(items, from, to) }))
    .sort((a, b) => payingAtEnd(b.points) - payingAtEnd(a.points) || a.currency.localeCompare(b.currency));
}
