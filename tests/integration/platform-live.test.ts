import { afterAll, beforeAll, expect, it } from 'vitest';
import { runConformance } from '../../platform/conformance/run.ts';
import { auditHead, connectionPage, queueList, queueMetrics } from '../../shared/ops-api/index.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { startTestPlatform } from '../fixtures/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ events: 3_000, tenants: 12, live: true, liveTickMs: 20 });
});
afterAll(() => platform.stop());

/** Polls until `read` gives a value `done` accepts; the test timeout bounds the wait. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const head = async () => auditHead.parse(await (await platform.get('/v1/audit-events/head')).json());
const queue = async (name: string) => queueList.parse(await (await platform.get('/v1/queues')).json()).data.find((item) => item.name === name)!;

it('keeps appending audit events to a chain that still verifies', async () => {
  await until(head, (value) => value.seq >= 3_050);
  const report = await runConformance({ baseUrl: platform.url, token: platform.tokens.readOnly, auditEvents: 3_050 });
  expect(report.results.filter((result) => result.name.startsWith('audit')).every((result) => result.outcome === 'pass')).toBe(true);
});

it('lets a queue backlog rise and drain', async () => {
  const seen: number[] = [];
  await until(
    async () => seen.push((await queue('webhook-delivery')).counts.waiting),
    () => seen.length > 3 && Math.max(...seen) > seen[0]! + 20 && seen.at(-1)! < Math.max(...seen) - 20,
  );
  const metrics = queueMetrics.parse(await (await platform.get('/v1/queues/webhook-delivery/metrics?step_s=10&from=' + new Date(Date.now() - 60_000).toISOString())).json());
  expect(metrics.points.length).toBeGreaterThan(0);
});

it('only grows the backlog of a paused queue, and drains it after resume', async () => {
  await platform.send('POST', '/v1/queues/email-sending/pause');
  const start = (await queue('email-sending')).counts.waiting;
  const grown = await until(() => queue('email-sending'), (value) => value.counts.waiting > start + 50);
  expect(grown.counts.active).toBe(0);
  await platform.send('POST', '/v1/queues/email-sending/resume');
  await until(() => queue('email-sending'), (value) => value.counts.waiting < grown.counts.waiting);
});

it('has a connector that starts failing and recovers', async () => {
  const history = new Map<string, string[]>();
  const recovered = (statuses: string[]) => /healthy,(failing,)+healthy/.test(statuses.join(','));
  await until(
    async () => {
      const page = connectionPage.parse(await (await platform.get('/v1/connections?connector_id=hubspot&limit=1000')).json());
      for (const connection of page.data) {
        const statuses = history.get(connection.id) ?? [];
        if (statuses.at(-1) !== connection.status) statuses.push(connection.status);
        history.set(connection.id, statuses);
      }
      return [...history.values()];
    },
    (all) => all.some(recovered),
  );
  const runs = await (await platform.get(`/v1/connections/${[...history].find(([, statuses]) => recovered(statuses))![0]}/runs?limit=1000`)).json();
  expect((runs as { data: Array<{ status: string }> }).data.map((run) => run.status)).toEqual(expect.arrayContaining(['failed', 'succeeded']));
});
