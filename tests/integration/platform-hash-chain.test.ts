// The independent check: recompute the hash chain from raw HTTP bodies with a third-party
// RFC 8785 implementation (the `canonicalize` package) and SHA-256, not with our own code.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestPlatform } from '../fixtures/platform.ts';
import { startTestPlatform } from '../fixtures/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seed: 11 });
});
afterAll(() => platform.stop());

it('recomputes the hash chain of the first 10,000 events from raw HTTP bodies', async () => {
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  while (expectedSeq <= 10_000) {
    const response = await fetch(`${platform.url}/v1/audit-events?after_seq=${expectedSeq - 1}&limit=1000`, { headers: { Authorization: `Bearer ${platform.tokens.auditOnly}` } });
    expect(response.status).toBe(200);
    const { data } = JSON.parse(await response.text()) as { data: Array<Record<string, unknown>> };
    expect(data).toHaveLength(1000);
    for (const event of data) {
      const { hash, ...rest } = event;
      expect(event.seq).toBe(expectedSeq);
      expect(event.prev_hash).toBe(prevHash);
      expect(createHash('sha256').update(canonicalize(rest)!, 'utf8').digest('hex')).toBe(hash);
      prevHash = hash as string;
      expectedSeq += 1;
    }
  }
});

it('gives a different hash when any member, known or not, changes', async () => {
  const response = await fetch(`${platform.url}/v1/audit-events/search?action=user.login&limit=1`, { headers: { Authorization: `Bearer ${platform.tokens.auditOnly}` } });
  const [event] = ((await response.json()) as { data: Array<Record<string, unknown>> }).data;
  const { hash, ...rest } = event!;
  const digest = (value: unknown) => createHash('sha256').update(canonicalize(value)!, 'utf8').digest('hex');
  expect(digest(rest)).toBe(hash);
  expect(digest({ ...rest, geo: { country: 'XX', city: 'Nowhere' } })).not.toBe(hash);
  expect(digest({ ...rest, outcome: 'failure' })).not.toBe(hash);
});
