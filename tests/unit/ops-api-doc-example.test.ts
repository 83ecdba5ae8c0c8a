// Keeps the worked example in docs/ops-api.md true, computed with a third-party RFC 8785 implementation.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { expect, it } from 'vitest';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'ops-api.md'), 'utf8');

function block(name: string): string {
  const match = new RegExp(`<!-- example:${name} -->\\n\`\`\`\\w+\\n(.*?)\\n\`\`\``, 's').exec(doc);
  if (match === null) throw new Error(`docs/ops-api.md has no example block '${name}'`);
  return match[1]!;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

it('shows the canonical bytes and hashes the example events really have', () => {
  const first = JSON.parse(block('event-1')) as Record<string, unknown>;
  const second = JSON.parse(block('event-2')) as Record<string, unknown>;
  const { hash: firstHash, ...firstHashed } = first;
  const { hash: secondHash, ...secondHashed } = second;
  expect(canonicalize(firstHashed)).toBe(block('jcs-1'));
  expect(sha256(block('jcs-1'))).toBe(firstHash);
  expect(first.prev_hash).toBe('0'.repeat(64));
  expect(second.prev_hash).toBe(firstHash);
  expect(sha256(canonicalize(secondHashed)!)).toBe(secondHash);
  expect(doc).toContain(`SHA-256 of those bytes is \`${firstHash as string}\``);
});
