import { describe, expect, it } from 'vitest';
import { failureGroupOf } from '../../shared/queues/failure-reason.ts';

describe('failure groups', () => {
  it.each([
    ['connect ETIMEDOUT 203.0.113.14:443', 'connect ETIMEDOUT <ip>'],
    ['421 4.7.0 Temporary System Problem (host mx-7.google.com)', '421 4.7.0 Temporary System Problem (host mx-#.google.com)'],
    ["No such invoice: 'in_1QxT4r2eZvKYlo2C0f6dG9hJ'", "No such invoice: '<id>'"],
    ['Mailbox jane.doe+billing@acme.io is full', 'Mailbox <email> is full'],
    ['Tenant 3f1c2a9e-7b4d-4c1e-9a0b-2d5e8f6a1b3c not found', 'Tenant <uuid> not found'],
    ['Report rendering exceeded the 300000 ms timeout', 'Report rendering exceeded the # ms timeout'],
    ['Request failed with status code 502 Bad Gateway', 'Request failed with status code 502 Bad Gateway'],
    ['Shopify GraphQL: Throttled (cost 1002 exceeds available 1000)', 'Shopify GraphQL: Throttled (cost # exceeds available #)'],
    ['job 8a7f0c2e9b1d4f6a8c0e2b4d6f8a0c2e stalled on worker3', 'job <id> stalled on worker#'],
    [null, '(no reason given)'],
    ['   ', '(no reason given)'],
  ])('%s → %s', (reason, group) => {
    expect(failureGroupOf(reason)).toBe(group);
  });

  it('puts reasons that differ only by masked parts in one group, and others apart', () => {
    const groups = new Set(['connect ETIMEDOUT 203.0.113.14:443', 'connect ETIMEDOUT 198.51.100.7:443', 'socket hang up'].map(failureGroupOf));
    expect(groups).toEqual(new Set(['connect ETIMEDOUT <ip>', 'socket hang up']));
  });
});
