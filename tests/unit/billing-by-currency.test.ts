// MRR in several currencies: each currency's figures from its own tenants, never added across.
import { expect, it } from 'vitest';
import { groupByCurrency, mrrMovementsByCurrency } from '../../shared/billing/by-currency.ts';
import { arpaCents, quickRatio } from '../../shared/billing/saas-metrics.ts';

const rows = [
  // usd: a pays 10,000 then 12,000 (expansion 2,000); b pays 5,000 then churns
  { currency: 'usd', tenant_id: 'a', month: '2026-03', mrr_cents: 10_000 },
  { currency: 'usd', tenant_id: 'a', month: '2026-04', mrr_cents: 12_000 },
  { currency: 'usd', tenant_id: 'b', month: '2026-03', mrr_cents: 5_000 },
  { currency: 'usd', tenant_id: 'b', month: '2026-04', mrr_cents: 0 },
  // eur: c pays 9,000 both months; d is new in April at 3,000
  { currency: 'eur', tenant_id: 'c', month: '2026-03', mrr_cents: 9_000 },
  { currency: 'eur', tenant_id: 'c', month: '2026-04', mrr_cents: 9_000 },
  { currency: 'eur', tenant_id: 'd', month: '2026-04', mrr_cents: 3_000 },
  // gbp: e paid 7,000 in January, lapsed, and comes back in April at 7,000 (reactivation)
  { currency: 'gbp', tenant_id: 'e', month: '2026-01', mrr_cents: 7_000 },
  { currency: 'gbp', tenant_id: 'e', month: '2026-02', mrr_cents: 0 },
  { currency: 'gbp', tenant_id: 'e', month: '2026-03', mrr_cents: 0 },
  { currency: 'gbp', tenant_id: 'e', month: '2026-04', mrr_cents: 7_000 },
];

it('computes each currency from its own tenants, never a sum across currencies', () => {
  const byCurrency = mrrMovementsByCurrency(rows, '2026-03', '2026-04');
  // most paying tenants in April first: eur 2, then gbp 1 and usd 1 by code
  expect(byCurrency.map((group) => group.currency)).toEqual(['eur', 'gbp', 'usd']);
  const april = Object.fromEntries(byCurrency.map(({ currency, points }) => [currency, points.at(-1)!]));
  // usd April: 12,000 (a) + 0 (b) = 12,000; expansion 12,000 - 10,000 = 2,000; churn 5,000; one paying tenant
  expect(april.usd).toMatchObject({ mrr_cents: 12_000, expansion_cents: 2_000, churn_cents: 5_000, new_cents: 0, active_tenants: 1 });
  // eur April: 9,000 + 3,000 = 12,000; new 3,000; two paying
  expect(april.eur).toMatchObject({ mrr_cents: 12_000, new_cents: 3_000, churn_cents: 0, active_tenants: 2 });
  // gbp April: 7,000 back after two months at zero: reactivation, not new
  expect(april.gbp).toMatchObject({ mrr_cents: 7_000, reactivation_cents: 7_000, new_cents: 0, active_tenants: 1 });
  // ARPA per currency: usd 12,000 / 1; eur 12,000 / 2 = 6,000; gbp 7,000 / 1
  expect([arpaCents(april.usd!), arpaCents(april.eur!), arpaCents(april.gbp!)]).toEqual([12_000, 6_000, 7_000]);
  // quick ratio usd: (0 + 2,000 + 0) / (5,000 + 0) = 0.4; eur has nothing lost; gbp neither
  expect([quickRatio(april.usd!), quickRatio(april.eur!), quickRatio(april.gbp!)]).toEqual([0.4, null, null]);
});

it('groups by currency, largest group first, then by code', () => {
  const items = [{ currency: 'usd', n: 1 }, { currency: 'eur', n: 2 }, { currency: 'usd', n: 3 }, { currency: 'gbp', n: 4 }];
  expect(groupByCurrency(items)).toEqual([
    { currency: 'usd', items: [{ currency: 'usd', n: 1 }, { currency: 'usd', n: 3 }] },
    { currency: 'eur', items: [{ currency: 'eur', n: 2 }] },
    { currency: 'gbp', items: [{ currency: 'gbp', n: 4 }] },
  ]);
});
