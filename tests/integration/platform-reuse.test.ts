import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startPlatform } from '../../platform/server.ts';
import { auditFeed, auditHead } from '../../shared/ops-api/index.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

it('a live platform restarted on its own database keeps going with new, unique ids', async () => {
  const dir = makeDataDir('opsdeck-platform-reuse-');
  const dbPath = join(dir.path, 'platform.db');
  const options = { dbPath, port: 0, events: 1_000, tenants: 8, live: true, liveTickMs: 10 };
  const headOf = async (url: string, token: string) => auditHead.parse(await (await fetch(`${url}/v1/audit-events/head`, { headers: { authorization: `Bearer ${token}` } })).json()).seq;
  const waitPast = async (url: string, token: string, seq: number) => {
    while ((await headOf(url, token)) < seq) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  const first = await startPlatform(options);
  await waitPast(first.url, first.tokens.full, 1_100);
  await first.close();

  const second = await startPlatform(options);
  expect(second.generationMs).toBeNull();
  const resumedAt = await headOf(second.url, second.tokens.full);
  await waitPast(second.url, second.tokens.full, resumedAt + 100);
  const page = auditFeed.parse(
    await (await fetch(`${second.url}/v1/audit-events?after_seq=1000&limit=1000`, { headers: { authorization: `Bearer ${second.tokens.full}` } })).json(),
  );
  const ids = page.data.map((event) => event.id);
  expect(new Set(ids).size).toBe(ids.length);
  const jobs = await fetch(`${second.url}/v1/queues`, { headers: { authorization: `Bearer ${second.tokens.full}` } });
  expect(jobs.status).toBe(200);
  await second.close();
  dir.remove();
});
