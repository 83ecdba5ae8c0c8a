import { queueList } from '../../shared/ops-api/index.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import type { Page } from '@playwright/test';
import { expect, saveProfile, test } from './fixtures.ts';

async function platformQueue(platform: TestPlatform, name: string) {
  return queueList.parse(await (await platform.get('/v1/queues')).json()).data.find((queue) => queue.name === name)!;
}

const waiting = async (page: Page, queue: string) => Number(((await page.locator(`[data-queue="${queue}"]`).getByTestId('queue-waiting').textContent()) ?? '').replace(/\D/g, ''));

test('a paused queue backs up: the overview puts it first and shows it growing; its detail charts it; its failures group by reason and expand to their jobs', async ({ page, console: app }) => {
  const platform = await startTestPlatform({ tenants: 8, events: 2_000, live: true, liveTickMs: 200 });
  try {
    expect((await platform.send('POST', '/v1/queues/report-generation/pause')).status).toBe(200);
    await page.goto(`${app.host.url}#/queues`);
    await saveProfile(page, { baseUrl: platform.url, token: platform.tokens.full });

    const first = page.getByTestId('queue-row').first();
    await expect(first).toHaveAttribute('data-queue', 'report-generation', { timeout: 30_000 });
    await expect(first).toContainText('paused');
    const before = await waiting(page, 'report-generation');
    // The sync samples queues every 10 s; arrivals keep coming while nothing is taken.
    await expect.poll(() => waiting(page, 'report-generation'), { timeout: 40_000 }).toBeGreaterThan(before);

    await first.getByRole('link', { name: 'report-generation' }).click();
    await expect(page.getByTestId('queue-detail')).toBeVisible();
    await page.getByText('15 min', { exact: true }).click();
    await expect(page.getByTestId('queue-depth-chart').locator('.recharts-area').first()).toBeVisible();

    const group = page.getByTestId('failure-group').first();
    const count = Number(((await group.locator('.mantine-Badge-root').textContent()) ?? '').replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    await group.click();
    await expect(page.getByTestId('failed-job')).toHaveCount(Math.min(count, 50));
    await page.getByTestId('failed-job').first().click();
    await expect(page.getByTestId('job-drawer')).toContainText('Failed because');
    await page.keyboard.press('Escape');

    // A confirmed group retry acts on exactly the group's jobs, and the platform's counts show it.
    const failedBefore = (await platformQueue(platform, 'report-generation')).counts.failed;
    await group.getByTestId('retry-group').click();
    const confirm = page.getByTestId('queue-action-confirm');
    await expect(confirm).toContainText(`Retry ${count.toLocaleString('en-US')} failed ${count === 1 ? 'job' : 'jobs'} in report-generation (group '`);
    await expect(confirm).toContainText('on PRODUCTION?');
    await confirm.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('queue-action-result')).toContainText(`Retried ${count.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} jobs.`);
    expect((await platformQueue(platform, 'report-generation')).counts.failed).toBe(failedBefore - count);

    // Jobs in other states come live from the platform, newest first.
    await page.getByRole('tab', { name: 'Waiting' }).click();
    await expect(page.getByTestId('live-jobs').locator('tbody tr').first()).toBeVisible();
    // The paused queue keeps growing, so the page holds what was waiting when it was read: up to 50.
    const shownIds = await page.getByTestId('live-jobs').locator('tbody tr code').allTextContents();
    expect(shownIds.length).toBeLessThanOrEqual(50);
    expect(new Set(shownIds).size).toBe(shownIds.length);
  } finally {
    await platform.stop();
  }
});

test('with a read-only token the queue actions are absent', async ({ page, console: app }) => {
  const platform = await startTestPlatform({ tenants: 8, events: 2_000 });
  try {
    await page.goto(`${app.host.url}#/queues`);
    await saveProfile(page, { baseUrl: platform.url, token: platform.tokens.readOnly });
    await page.getByTestId('queue-row').first().getByRole('link').click();
    await expect(page.getByTestId('failure-group').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('queue-read-only')).toBeVisible();
    await expect(page.getByTestId('queue-pause-toggle')).toHaveCount(0);
    await expect(page.getByTestId('queue-retry-all')).toHaveCount(0);
    await expect(page.getByTestId('retry-group')).toHaveCount(0);
  } finally {
    await platform.stop();
  }
});

test('a threshold crossing raises exactly one notification and a badge on Queues, however many samples stay past it', async ({ page, console: app, context }) => {
  const platform = await startTestPlatform({ tenants: 8, events: 2_000, live: true, liveTickMs: 200 });
  try {
    await context.grantPermissions(['notifications']);
    // Count what the page hands the browser's Notification API.
    await page.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
      class CountedNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        constructor(title: string) {
          shown.push(title);
        }
      }
      (window as unknown as { Notification: unknown }).Notification = CountedNotification;
    });
    await page.goto(`${app.host.url}#/queues`);
    // Defaults no queue of the demo reaches, so only the queue set below can cross.
    const quiet = { defaults: { depth: 1_000_000, oldestWaitingMinutes: 100_000, failureRatePercent: 100 }, perQueue: {} };
    expect(await page.evaluate(async (queueAlerts) => (await fetch('/api/call/settings/update', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ queueAlerts }) })).status, quiet)).toBe(200);
    expect((await platform.send('POST', '/v1/queues/report-generation/pause')).status).toBe(200);
    await saveProfile(page, { baseUrl: platform.url, token: platform.tokens.full });

    await page.locator('[data-queue="report-generation"]').getByRole('link').click();
    await page.getByTestId('queue-thresholds').click();
    await page.getByLabel('Waiting jobs above').fill('1');
    await page.getByRole('button', { name: 'Save for this queue' }).click();

    await expect(page.getByTestId('queues-alert-badge')).toHaveText('1', { timeout: 30_000 });
    const shown = () => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications);
    await expect.poll(shown).toEqual(['Queue alert: report-generation']);
    // Two more queue samples (one every 10 s) stay past the threshold: still one notification.
    await page.waitForTimeout(22_000);
    expect(await shown()).toEqual(['Queue alert: report-generation']);
    await page.goto(`${app.host.url}#/queues`);
    await expect(page.getByTestId('queue-alerts')).toContainText('report-generation is backing up');
  } finally {
    await platform.stop();
  }
});
