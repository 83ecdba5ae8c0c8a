import { describe, expect, it } from 'vitest';
import { cardExpiryOf } from '../../electron/services/tenants/card-expiry.ts';

describe('card expiry', () => {
  const card = { expMonth: 3, expYear: 2031 };
  it('counts a card valid through the last day of its month', () => {
    expect(cardExpiryOf(card, Date.parse('2031-03-31T23:59:59.999Z'))).toBe('soon');
    expect(cardExpiryOf(card, Date.parse('2031-04-01T00:00:00.000Z'))).toBe('expired');
  });
  it('warns within 30 days of the end, not before', () => {
    expect(cardExpiryOf(card, Date.parse('2031-03-01T00:00:00.000Z'))).toBe('ok');
    expect(cardExpiryOf(card, Date.parse('2031-03-02T00:00:00.000Z'))).toBe('soon');
  });
  it('handles a December card, whose month ends in the next year', () => {
    expect(cardExpiryOf({ expMonth: 12, expYear: 2030 }, Date.parse('2030-12-15T00:00:00.000Z'))).toBe('soon');
    expect(cardExpiryOf({ expMonth: 12, expYear: 2030 }, Date.parse('2031-01-01T00:00:00.000Z'))).toBe('expired');
  });
});
