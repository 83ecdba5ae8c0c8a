import { describe, expect, it } from 'vitest';
import { metricLabel, usageLevel } from '../../renderer/src/tenants/usage-level.ts';

describe('usage level', () => {
  it('is amber from 80 % of the limit and red only over it', () => {
    expect(usageLevel(79, 100)).toBe('ok');
    expect(usageLevel(80, 100)).toBe('near');
    expect(usageLevel(100, 100)).toBe('near');
    expect(usageLevel(101, 100)).toBe('over');
  });
  it('never warns without a limit, and any use of a zero limit is over it', () => {
    expect(usageLevel(1e9, null)).toBe('ok');
    expect(usageLevel(0, 0)).toBe('ok');
    expect(usageLevel(1, 0)).toBe('over');
  });
  it('names metrics for people', () => {
    expect(metricLabel('api_calls')).toBe('API calls');
    expect(metricLabel('webhook_deliveries')).toBe('Webhook deliveries');
  });
});
