import type { Page } from '@playwright/test';
import { auditSearchPage } from '../../shared/ops-api/index.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { startRewritingProxy } from '../fixtures/rewriting-proxy.ts';
import { demoTest, expect, saveProfile, test } from './fixtures.ts';
import { giveSupportReason } from './support-reason.ts';

/** A tenant the console has cached from the demo platform, by the console API. */
async function someTenant(page: Page): Promise<{ id: string; name: string }> {
  let tenant: { id: string; name: string } | undefined;
  await expect
    .poll(
      async () => {
        tenant = await page.evaluate(async () => {
          const response = await fetch('/api/call/tenants/directory', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ limit: 5 }) });
          const result = (await response.json()) as { ok: boolean; value?: { rows: Array<{ id: string; name: string }> } };
          return result.value?.rows[0];
        });
        return tenant;
      },
      { timeout: 30_000 },
    )
    .toBeDefined();
  return tenant!;
}

demoTest('a tenant page asks why first, logs the access on the platform and links to its audit event', async ({ page, demo }) => {
  await page.goto(`${demo.host.url}#/home`);
  const tenant = await someTenant(page);
  await page.goto(`${demo.host.url}#/tenants/${tenant.id}`);

  const dialog = page.getByRole('dialog', { name: `Why are you opening ${tenant.name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Customer ticket' })).toBeChecked();
  // Keyboard only: the ticket field has the focus, Enter logs the access.
  await expect(dialog.getByRole('textbox', { name: 'Ticket number' })).toBeFocused();
  await page.keyboard.type('4411');
  await page.keyboard.press('Enter');

  const banner = page.getByRole('status', { name: 'Support access' });
  await expect(banner).toContainText(`Support access to ${tenant.name} logged · ticket 4411 · 30 min left`);
  await expect(dialog).toBeHidden();

  // The platform's audit trail holds the event; the banner's link finds it once synced.
  await banner.getByRole('link', { name: 'View in audit log' }).click();
  await expect(page).toHaveURL(/#\/audit\?q=action%3Asupport\.access\+tenant%3A/);
  await expect(page.getByTestId('audit-count')).toContainText(/^1 event\b/, { timeout: 30_000 });
  await expect(page.getByTestId('audit-table')).toContainText('support.access');

  // The same session does not ask again.
  await page.goBack();
  await expect(banner).toContainText(`Support access to ${tenant.name} logged`);
  await expect(dialog).toBeHidden();
});

demoTest('cancelling the reason goes back to the tenant directory, unlogged', async ({ page, demo }) => {
  await page.goto(`${demo.host.url}#/home`);
  const tenant = await someTenant(page);
  await page.goto(`${demo.host.url}#/tenants/${tenant.id}`);
  const dialog = page.getByRole('dialog', { name: `Why are you opening ${tenant.name}?` });
  await dialog.getByRole('radio', { name: 'Other' }).check();
  await dialog.getByRole('button', { name: 'Log access and open' }).click();
  await expect(dialog.getByText('required for "Other": say why in at least 3 characters')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/tenants$/);
  await expect(page.getByRole('status', { name: 'Support access' })).toHaveCount(0);
});

/** The platform's support.access events whose reason holds `text`. */
async function loggedAccesses(platform: TestPlatform, text: string) {
  const response = await platform.get(`/v1/audit-events/search?action=support.access&q=${encodeURIComponent(text)}&limit=100`);
  return auditSearchPage.parse(await response.json()).data;
}

test('offline, the access is queued under its banner and logged once the platform is back', async ({ page, console: app }) => {
  const platform = await startTestPlatform({ tenants: 6, events: 1_000 });
  let reachable = true;
  const proxy = await startRewritingProxy(platform.url, {
    intercept(req) {
      if (reachable) return false;
      req.socket.destroy();
      return true;
    },
  });
  try {
    await page.goto(`${app.host.url}#/tenants`);
    await saveProfile(page, { baseUrl: proxy.url, token: platform.tokens.full, environment: 'staging' });
    const tenant = await someTenant(page);

    reachable = false;
    const indicator = page.getByTestId('connection-indicator');
    await expect(indicator).toHaveAttribute('data-connection', 'offline', { timeout: 30_000 });
    await page.goto(`${app.host.url}#/tenants/${tenant.id}`);
    await giveSupportReason(page, 'T-9031');
    const banner = page.getByRole('status', { name: 'Support access' });
    await expect(banner).toContainText(`Support access to ${tenant.name} queued — will be logged when the platform is reachable · ticket T-9031 · 30 min left`);
    await expect(page.getByTestId('tenant-page')).toBeVisible();
    expect(await loggedAccesses(platform, 'T-9031')).toHaveLength(0);

    reachable = true;
    await expect(banner).toContainText(`Support access to ${tenant.name} logged · ticket T-9031`, { timeout: 60_000 });
    await expect(banner.getByRole('link', { name: 'View in audit log' })).toBeVisible();
    expect(await loggedAccesses(platform, 'T-9031')).toHaveLength(1);
  } finally {
    await proxy.close();
    await platform.stop();
  }
});
