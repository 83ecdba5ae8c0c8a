import { expect, it } from 'vitest';
import { mrrMovements } from '../../shared/billing/mrr-movements.ts';

const rows = [
  // new in Feb, expands in Mar, churns in May
  { tenant_id: 'a', month: '2026-02', mrr_cents: 100 },
  { tenant_id: 'a', month: '2026-03', mrr_cents: 150 },
  { tenant_id: 'a', month: '2026-04', mrr_cents: 150 },
  { tenant_id: 'a', month: '2026-05', mrr_cents: 0 },
  // paying before the range, contracts in Feb, lapses in Mar, comes back in Apr
  { tenant_id: 'b', month: '2025-12', mrr_cents: 500 },
  { tenant_id: 'b', month: '2026-01', mrr_cents: 500 },
  { tenant_id: 'b', month: '2026-02', mrr_cents: 400 },
  { tenant_id: 'b', month: '2026-03', mrr_cents: 0 },
  { tenant_id: 'b', month: '2026-04', mrr_cents: 400 },
  { tenant_id: 'b', month: '2026-05', mrr_cents: 400 },
];

it('classifies each tenant movement and keeps mrr = previous + movements', () => {
  const points = mrrMovements(rows, '2026-01', '2026-05');
  const pick = (month: string) => points.find((point) => point.month === month);
  expect(points.map((point) => point.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
  expect(pick('2026-01')).toMatchObject({ mrr_cents: 500, new_cents: 0, active_tenants: 1 });
  expect(pick('2026-02')).toMatchObject({ mrr_cents: 500, new_cents: 100, contraction_cents: 100, active_tenants: 2 });
  expect(pick('2026-03')).toMatchObject({ mrr_cents: 150, expansion_cents: 50, churn_cents: 400 });
  expect(pick('2026-04')).toMatchObject({ mrr_cents: 550, reactivation_cents: 400, new_cents: 0 });
  expect(pick('2026-05')).toMatchObject({ mrr_cents: 400, churn_cents: 150, active_tenants: 1 });
  for (let index = 1; index < points.length; index++) {
    const [previous, point] = [points[index - 1]!, points[index]!];
    expect(point.mrr_cents).toBe(previous.mrr_cents + point.new_cents + point.expansion_cents + point.reactivation_cents - point.contraction_cents - point.churn_cents);
  }
});
