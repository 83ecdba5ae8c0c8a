// ChartMogul's metrics of one month, each expected value worked out by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { arpaCents, arrCents, grossMrrChurnRate, netMrrChurnRate, quickRatio, startingMrrCents } from '../../shared/billing/saas-metrics.ts';

// ChartMogul's own example: $100 at the start of the month, $10 lost to churn, $10 to
// contraction, one customer +$10 (expansion), nothing new. End: 100 - 10 - 10 + 10 = $90.
const chartMogulExample = { mrr_cents: 9_000, new_cents: 0, expansion_cents: 1_000, contraction_cents: 1_000, churn_cents: 1_000, reactivation_cents: 0, active_tenants: 4 };

// A busier month: start 200,000; new 30,000; expansion 12,000; reactivation 8,000;
// contraction 6,000; churn 14,000. End: 200,000 + 30,000 + 12,000 + 8,000 - 6,000 - 14,000 = 230,000.
const busy = { mrr_cents: 230_000, new_cents: 30_000, expansion_cents: 12_000, contraction_cents: 6_000, churn_cents: 14_000, reactivation_cents: 8_000, active_tenants: 7 };

describe('starting MRR', () => {
  it('is the month before: this month less its net movement', () => {
    expect(startingMrrCents(chartMogulExample)).toBe(10_000); // 9,000 - 0 - 1,000 - 0 + 1,000 + 1,000
    expect(startingMrrCents(busy)).toBe(200_000); // 230,000 - 30,000 - 12,000 - 8,000 + 6,000 + 14,000
  });
});

describe('gross and net MRR churn rate', () => {
  it('gives ChartMogul’s example: gross 20 %, net 10 %', () => {
    expect(grossMrrChurnRate(chartMogulExample)).toBe(0.2); // (1,000 + 1,000) / 10,000
    expect(netMrrChurnRate(chartMogulExample)).toBe(0.1); // (1,000 + 1,000 - 1,000 - 0) / 10,000
  });

  it('offsets net churn by expansion and reactivation, never by new business', () => {
    expect(grossMrrChurnRate(busy)).toBe(0.1); // (14,000 + 6,000) / 200,000
    expect(netMrrChurnRate(busy)).toBe(0); // (14,000 + 6,000 - 12,000 - 8,000) / 200,000 = 0 / 200,000
  });

  it('goes below zero when expansion outweighs what was lost (net negative churn)', () => {
    // start 50,000; expansion 5,000; churn 2,000 -> end 53,000
    const month = { mrr_cents: 53_000, new_cents: 0, expansion_cents: 5_000, contraction_cents: 0, churn_cents: 2_000, reactivation_cents: 0, active_tenants: 3 };
    expect(grossMrrChurnRate(month)).toBe(0.04); // 2,000 / 50,000
    expect(netMrrChurnRate(month)).toBe(-0.06); // (2,000 - 5,000) / 50,000
  });

  it('has no rate for a month that started without MRR', () => {
    // the first paying month: start 0, new 4,900 -> end 4,900
    const first = { mrr_cents: 4_900, new_cents: 4_900, expansion_cents: 0, contraction_cents: 0, churn_cents: 0, reactivation_cents: 0, active_tenants: 1 };
    expect(grossMrrChurnRate(first)).toBeNull();
    expect(netMrrChurnRate(first)).toBeNull();
  });
});

describe('quick ratio', () => {
  it('divides what was gained by what was lost, reactivation counted as gained', () => {
    expect(quickRatio(busy)).toBe(2.5); // (30,000 + 12,000 + 8,000) / (14,000 + 6,000) = 50,000 / 20,000
    expect(quickRatio(chartMogulExample)).toBe(0.5); // (0 + 1,000 + 0) / (1,000 + 1,000)
  });

  it('has no value in a month with no churn and no contraction at all', () => {
    // start 10,000; new 3,000 -> end 13,000; nothing lost, so 3,000 / 0 is not a number
    const growing = { mrr_cents: 13_000, new_cents: 3_000, expansion_cents: 0, contraction_cents: 0, churn_cents: 0, reactivation_cents: 0, active_tenants: 3 };
    expect(quickRatio(growing)).toBeNull();
    const still = { ...growing, mrr_cents: 10_000, new_cents: 0 };
    expect(quickRatio(still)).toBeNull(); // 0 / 0
  });

  it('is zero when something was lost and nothing gained', () => {
    const shrinking = { mrr_cents: 8_000, new_cents: 0, expansion_cents: 0, contraction_cents: 0, churn_cents: 2_000, reactivation_cents: 0, active_tenants: 2 };
    expect(quickRatio(shrinking)).toBe(0); // 0 / 2,000
  });
});

describe('ARPA and ARR', () => {
  it('averages MRR over paying tenants, to the nearest minor unit', () => {
    // ChartMogul's example: $1 + $1 + $3 + $5 + $5 = $15 over 5 customers = $3
    expect(arpaCents({ mrr_cents: 1_500, active_tenants: 5 })).toBe(300);
    expect(arpaCents({ mrr_cents: 230_000, active_tenants: 7 })).toBe(32_857); // 230,000 / 7 = 32,857.14…
    expect(arpaCents({ mrr_cents: 1_000, active_tenants: 3 })).toBe(333); // 333.33…
    expect(arpaCents({ mrr_cents: 0, active_tenants: 0 })).toBeNull();
  });

  it('annualises MRR', () => {
    expect(arrCents(2_500)).toBe(30_000); // $25 x 12 = $300
  });
});
