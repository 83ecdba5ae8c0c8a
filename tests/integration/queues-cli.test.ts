// `opsdeck queues` against the real reference platform, as an engineer on a jump host runs it.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobPage, queueList } from '../../shared/ops-api/index.ts';
import { failureGroupOf } from '../../shared/queues/failure-reason.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 8, events: 2_000 });
});
afterAll(() => platform.stop());

function opsdeck(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/opsdeck.mjs', 'queues', ...args, '--base-url', platform.url, '--token-env', 'OPSDECK_TEST_TOKEN'], {
    env: { ...process.env, OPSDECK_TEST_TOKEN: platform.tokens.full },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

const reported = async () => queueList.parse(await (await platform.get('/v1/queues')).json()).data;
const failedOf = async (queue: string) => jobPage.parse(await (await platform.get(`/v1/queues/${queue}/jobs?state=failed&limit=1000`)).json()).data;

describe('opsdeck queues', () => {
  it('--json gives one object per queue with the platform counts, paused, workers and the oldest waiting age', async () => {
    const result = await opsdeck(['--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<{ name: string; paused: boolean; workers: number; oldest_waiting_age_ms: number | null; counts: Record<string, number> }>;
    const queues = await reported();
    expect(rows.map((row) => row.name).sort()).toEqual(queues.map((queue) => queue.name).sort());
    for (const queue of queues) {
      const row = rows.find((candidate) => candidate.name === queue.name)!;
      expect(Object.keys(row).sort()).toEqual(['counts', 'name', 'oldest_waiting_age_ms', 'paused', 'workers']);
      expect(row.counts).toEqual({ ...queue.counts, paused: 0 });
      expect(row.workers).toBe(queue.workers);
    }
  });

  it('prints a table without --json', async () => {
    const result = await opsdeck([]);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^queue\s+waiting\s+active\s+delayed\s+failed\s+completed\s+paused\s+workers\s+oldest waiting$/);
    expect(result.stdout).toContain('webhook-delivery');
  });

  it('failed QUEUE --json groups the failed jobs by normalised reason, adding up to all of them', async () => {
    const result = await opsdeck(['failed', 'webhook-delivery', '--json']);
    expect(result.status).toBe(0);
    const groups = JSON.parse(result.stdout) as Array<{ reason: string; count: number; first_seen: string; last_seen: string; example_ids: string[] }>;
    const failed = await failedOf('webhook-delivery');
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(failed.length);
    for (const group of groups) {
      expect(group.count).toBe(failed.filter((job) => failureGroupOf(job.failed_reason) === group.reason).length);
      expect(group.example_ids.every((id) => failed.some((job) => job.id === id))).toBe(true);
    }
  });

  it('retry QUEUE --group REASON --yes retries exactly that group; without --yes and a terminal it asks for --yes and retries nothing', async () => {
    const [group] = JSON.parse((await opsdeck(['failed', 'connector-sync', '--json'])).stdout) as Array<{ reason: string; count: number }>;
    const before = (await reported()).find((queue) => queue.name === 'connector-sync')!.counts.failed;

    const refused = await opsdeck(['retry', 'connector-sync', '--group', group!.reason]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('add --yes to confirm');
    expect((await reported()).find((queue) => queue.name === 'connector-sync')!.counts.failed).toBe(before);

    const done = await opsdeck(['retry', 'connector-sync', '--group', group!.reason, '--yes']);
    expect(done.stderr).toBe('');
    expect(done.stdout.trim()).toBe(`Retried ${group!.count} of ${group!.count} jobs.`);
    expect(done.status).toBe(0);
    expect((await reported()).find((queue) => queue.name === 'connector-sync')!.counts.failed).toBe(before - group!.count);
  });

  it('says what is wrong, with a reason, for a group that does not exist and for a usage mistake', async () => {
    const missing = await opsdeck(['retry', 'connector-sync', '--group', 'no such reason', '--yes']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no failed job in connector-sync has the reason group 'no such reason'");
    const usage = await opsdeck(['retry', 'connector-sync', '--job', 'a', '--all-failed']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('give exactly one of --job ID, --group REASON, --all-failed');
  });
});
