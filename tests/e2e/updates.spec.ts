import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** What the desktop app's updater would answer; the web host has none, so these tests answer it in the page. */
async function answerUpdater(page: Page, restart: { ok: false; message: string }) {
  const ready = { channel: 'stable', currentVersion: '1.4.0', nextCheckAt: null, status: { kind: 'ready', version: '1.5.0' } };
  await page.route('**/api/call/updater/state', (route) => route.fulfill({ json: { ok: true, value: ready } }));
  await page.route('**/api/call/updater/restart', (route) => route.fulfill({ status: 500, json: { ok: false, error: { code: 'failed', message: restart.message } } }));
}

test('the browser host shows no update banner, says it does not update itself, and keeps the channel', async ({ page, console: app }) => {
  await page.goto(`${app.host.url}#/settings`);
  await expect(page.getByTestId('update-status')).toHaveText('This browser host does not update itself; the desktop app does.');
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
  await page.getByRole('radiogroup', { name: 'Update channel' }).getByText('Beta').click();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Beta' })).toBeChecked();
});

test('a downloaded update offers "Restart to update", shows a refusal while work runs, and waits for "Later"', async ({ page, console: app }) => {
  await answerUpdater(page, { ok: false, message: 'updater/restart failed: not while Importing audit-2026-11.ndjson runs; restart once it has finished' });
  await page.goto(app.host.url);
  const banner = page.getByTestId('update-banner');
  await expect(banner).toContainText('Opsdeck 1.5.0 is ready');
  await banner.getByRole('button', { name: 'Restart to update' }).click();
  await expect(banner.getByRole('alert')).toHaveText('updater/restart failed: not while Importing audit-2026-11.ndjson runs; restart once it has finished');
  await banner.getByRole('button', { name: 'Later' }).click();
  await expect(banner).toHaveCount(0);
  await page.goto(`${app.host.url}#/settings`);
  await expect(page.getByTestId('update-status')).toContainText('Version 1.5.0 has downloaded');
  await expect(page.getByTestId('update-status').getByRole('button', { name: 'Restart to update' })).toBeVisible();
});
