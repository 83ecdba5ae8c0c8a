import { afterAll, beforeAll, expect, it } from 'vitest';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import type { ConsoleServices } from '../../electron/services/console-services.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { smallDemo } from '../fixtures/web-host.ts';

// The built-in demo platform holds a year of events; the cache keeps 90 days of them.
let services: ConsoleServices;
const dataDir = makeDataDir();
beforeAll(async () => {
  services = createConsoleServices({ dataDir: dataDir.path, host: 'web', version: 'test', demo: smallDemo });
  await cachedEvents(300);
}, 60_000);

async function cachedEvents(atLeast: number): Promise<void> {
  for (const until = Date.now() + 45_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 500))) {
    if (((await services.handlers['audit/search']({ q: '', limit: 1, withTotal: true })).total ?? 0) >= atLeast) return;
  }
  throw new Error(`the demo profile did not cache ${atLeast} audit events within 45 s`);
}
afterAll(async () => {
  await services.close();
  dataDir.remove();
});

it('finds on the platform the matching events older than the oldest cached one, newest first, page by page', async () => {
  const first = await services.handlers['audit/search-platform']({ q: 'action:user.*', limit: 20 });
  expect(first.unsupported).toBeNull();
  expect(first.before).not.toBeNull();
  expect(first.rows).toHaveLength(20);
  expect(first.nextCursor).not.toBeNull();
  for (const row of first.rows) {
    expect(row.action).toMatch(/^user\./);
    expect(Date.parse(row.occurredAt)).toBeLessThan(Date.parse(first.before!));
  }
  const seqs = first.rows.map((row) => row.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

  const second = await services.handlers['audit/search-platform']({ q: 'action:user.*', limit: 20, cursor: first.nextCursor! });
  expect(second.rows[0]!.seq).toBeLessThan(seqs.at(-1)!);
});

it('refuses a query the platform cannot express instead of widening it, and has nothing to ask for an imported source', async () => {
  const refused = await services.handlers['audit/search-platform']({ q: '-outcome:success ip:10.0.0.0/8', limit: 20 });
  expect(refused).toMatchObject({ rows: [], unsupported: ['-outcome:', 'ip:'] });
  await expect(services.handlers['audit/search-platform']({ q: '', source: 'import:anything', limit: 20 })).rejects.toThrow('an imported file has no platform behind it');
});
