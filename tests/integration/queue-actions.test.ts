// Queue actions against the real reference platform: offered by scope, carried out exactly on
// the jobs named, logged, and never with a token in the log.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import type { SyncStatus } from '../../shared/console-api/index.ts';
import { jobPage, queueList } from '../../shared/ops-api/index.ts';
import { openActionLog } from '../../electron/services/action-log/action-log.ts';
import type { ActionLog } from '../../electron/services/action-log/action-log.ts';
import { createQueueActions } from '../../electron/services/queues/queue-actions.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';

let platform: TestPlatform;
let dataDir: ReturnType<typeof makeDataDir>;
let log: ActionLog;
beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 8, events: 2_000 });
  dataDir = makeDataDir();
  log = openActionLog(dataDir.path);
});
afterAll(async () => {
  log.close();
  dataDir.remove();
  await platform.stop();
});

const online: SyncStatus = { profileId: 'acme', connection: 'online', reason: null, lastSyncedAt: null, integrityError: null, resources: [] };

function actions(token: string, status: SyncStatus = online) {
  let synced = 0;
  const { handlers } = createQueueActions({
    activeProfile: () => ({ id: 'acme', name: 'Acme', environment: 'prod' }),
    connectionFor: async () => ({ kind: 'ops-api' as const, baseUrl: platform.url, token, timeoutMs: 10_000, proxyUrl: null, caFile: null }),
    syncStatus: () => status,
    syncNow: () => synced++,
    log,
    clock: systemClock,
  });
  return { handlers, synced: () => synced };
}

async function failedIds(queue: string): Promise<string[]> {
  const page = jobPage.parse(await (await platform.get(`/v1/queues/${queue}/jobs?state=failed&limit=1000`)).json());
  return page.data.map((job) => job.id);
}
const counts = async (queue: string) => queueList.parse(await (await platform.get('/v1/queues')).json()).data.find((candidate) => candidate.name === queue)!.counts;

describe('queue actions', () => {
  it('are offered with queues:write, absent for a read-only token, and disabled offline with the reason', async () => {
    expect(await actions(platform.tokens.full).handlers['queues/capabilities']({})).toEqual({ allowed: true, disabledReason: null, profile: 'Acme', environment: 'prod' });
    expect(await actions(platform.tokens.readOnly).handlers['queues/capabilities']({})).toMatchObject({ allowed: false, disabledReason: null });
    const offline = { ...online, connection: 'offline' as const, reason: 'GET /v1/queues: connect ECONNREFUSED' };
    expect(await actions(platform.tokens.full, offline).handlers['queues/capabilities']({})).toMatchObject({ allowed: true, disabledReason: 'Offline: GET /v1/queues: connect ECONNREFUSED.' });
    // A token known to be read-only stays without actions offline.
    let status: SyncStatus = online;
    const { handlers: readOnly } = createQueueActions({
      activeProfile: () => ({ id: 'acme', name: 'Acme', environment: 'prod' }),
      connectionFor: async () => ({ kind: 'ops-api' as const, baseUrl: platform.url, token: platform.tokens.readOnly, timeoutMs: 10_000, proxyUrl: null, caFile: null }),
      syncStatus: () => status,
      syncNow: () => {},
      log,
      clock: systemClock,
    });
    expect(await readOnly['queues/capabilities']({})).toMatchObject({ allowed: false });
    status = offline;
    expect(await readOnly['queues/capabilities']({})).toMatchObject({ allowed: false, disabledReason: 'Offline: GET /v1/queues: connect ECONNREFUSED.' });
    await expect(actions(platform.tokens.readOnly).handlers['queues/act']({ kind: 'pause', queue: 'billing-sync' })).rejects.toThrow("Cannot act on a queue with 'Acme': the token lacks the queues:write scope.");
  });

  it('a group retry retries exactly the jobs named, counts one that left the failed state, logs it and syncs again', async () => {
    const queue = 'webhook-delivery';
    const [first, second, third] = await failedIds(queue);
    // Someone else retried one of them after the user saw the group.
    expect((await platform.send('POST', `/v1/queues/${queue}/jobs/${third}/retry`)).status).toBe(202);
    const before = await counts(queue);
    const { handlers, synced } = actions(platform.tokens.full);
    const result = await handlers['queues/act']({ kind: 'retry-jobs', queue, group: 'Request failed with status code 502 Bad Gateway', ids: [first!, second!, third!] });
    expect(result).toEqual({ ok: true, done: 2, failed: 1, message: `Retried 2 of 3 jobs; 1 had left the failed state since (e.g. ${third}).` });
    const after = await counts(queue);
    expect(after.failed).toBe(before.failed - 2);
    expect(after.waiting).toBe(before.waiting + 2);
    expect(await failedIds(queue)).not.toContain(first);
    expect(synced()).toBe(1);
    expect(log.newest(1)[0]).toMatchObject({
      who: 'Maria Lund (super admin) <maria.lund@opsdeck-demo.example>',
      profile: 'Acme',
      environment: 'prod',
      what: "Retry 3 failed jobs in webhook-delivery (group 'Request failed with status code 502 Bad Gateway')",
      result: result.message,
      ok: true,
    });
  });

  it('pause and resume change the queue; a failure is logged with its reason and thrown naming the action', async () => {
    const { handlers } = actions(platform.tokens.full);
    await handlers['queues/act']({ kind: 'pause', queue: 'billing-sync' });
    expect(queueList.parse(await (await platform.get('/v1/queues')).json()).data.find((queue) => queue.name === 'billing-sync')!.paused).toBe(true);
    await handlers['queues/act']({ kind: 'resume', queue: 'billing-sync' });
    expect(queueList.parse(await (await platform.get('/v1/queues')).json()).data.find((queue) => queue.name === 'billing-sync')!.paused).toBe(false);
    await expect(handlers['queues/act']({ kind: 'remove-job', queue: 'billing-sync', id: 'job_gone' })).rejects.toThrow(/^Remove job job_gone from billing-sync failed: .*job_gone/);
    expect(log.newest(1)[0]).toMatchObject({ ok: false, result: expect.stringMatching(/^Failed: .*job_gone/) });
  });

  it('keeps no token in the action log', () => {
    const bytes = readdirSync(dataDir.path)
      .map((file) => readFileSync(join(dataDir.path, file)).toString('latin1'))
      .join('');
    expect(bytes).toContain('Maria Lund');
    for (const token of Object.values(platform.tokens)) expect(bytes).not.toContain(token);
  });
});
