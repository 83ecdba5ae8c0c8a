// Issue 12's walk, as a support engineer takes it: billing overview → a past-due tenant → the
// reason (logged on the platform) → a failing connection's runs → the tenant's audit events.
// Then the same walk offline, from the cache: the access is queued, and sent once the platform is back.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startPlatform } from '../../platform/server.ts';
import type { RunningPlatform } from '../../platform/server.ts';
import type { AuditEvent, Connection, Tenant } from '../../shared/ops-api/index.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { expect, test } from './fixtures.ts';

// 60 tenants of seed 3: several past-due tenants have a failing connection.
const platformOptions = { seed: 3, tenants: 60, events: 3_000 };

async function platformJson<T>(platform: RunningPlatform, path: string): Promise<T> {
  const response = await fetch(platform.url + path, { headers: { Authorization: `Bearer ${platform.tokens.full}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}

const supportAccesses = async (platform: RunningPlatform, tenantId: string) =>
  (await platformJson<{ data: AuditEvent[] }>(platform, `/v1/audit-events/search?action=support.access&tenant_id=${tenantId}&limit=100`)).data;

async function walk(page: Page, tenant: Tenant, expectBanner: RegExp): Promise<void> {
  // 1. The billing overview, in the tenant's currency, lists it past due.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Billing' }).click();
  const switcher = page.getByTestId('currency-switcher');
  await switcher.getByText(tenant.currency.toUpperCase(), { exact: false }).click();
  const row = page.getByTestId('past-due-row').and(page.locator(`[data-tenant="${tenant.id}"]`));
  await expect(row).toBeVisible();
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/tenants/${tenant.id}$`));

  // 2. Its page asks why first.
  const dialog = page.getByRole('dialog', { name: `Why are you opening ${tenant.name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Ticket number' }).fill('4411');
  await dialog.getByRole('button', { name: 'Log access and open' }).click();
  await expect(page.getByRole('status', { name: 'Support access' })).toContainText(expectBanner);

  // 3. A failing connection, to its runs.
  const failing = page.getByTestId('tenant-connection').and(page.locator('[data-status="failing"]')).first();
  await failing.getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/connectors\/connection\//);
  await expect(page.getByTestId('connection-drawer')).toBeVisible();
  await expect(page.getByTestId('connection-run').first()).toBeVisible();
  await expect(page.getByTestId('connection-last-error')).toBeVisible();

  // 4. Back on the tenant's page, its audit events.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/tenants/${tenant.id}$`));
  await page.getByTestId('tenant-audit-link').click();
  await expect(page).toHaveURL(/#\/audit\?q=tenant%3A/);
  await expect(page.getByTestId('audit-table').getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByTestId('audit-table')).toContainText(tenant.name);
}

test('a support engineer walks from billing to a tenant, its failing connection and its audit trail, online and then offline', async ({ page, console: app }) => {
  test.setTimeout(180_000);
  const dir = makeDataDir('opsdeck-walk-platform-');
  const dbPath = join(dir.path, 'platform.db');
  let platform = await startPlatform({ ...platformOptions, dbPath, port: 0 });
  const port = Number(new URL(platform.url).port);
  try {
    const tenants = (await platformJson<{ data: Tenant[] }>(platform, '/v1/tenants?limit=1000')).data;
    const failing = (await platformJson<{ data: Connection[] }>(platform, '/v1/connections?status=failing&limit=1000')).data;
    const [online, offline] = tenants.filter((tenant) => tenant.status === 'past_due' && failing.some((connection) => connection.tenant_id === tenant.id));
    expect(offline).toBeDefined();

    await page.goto(app.host.url);
    const saved = await page.evaluate(
      async ({ baseUrl, token }) =>
        (
          await fetch('/api/call/profiles/save', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ kind: 'ops-api', name: 'Acme', baseUrl, environment: 'prod', color: null, options: { proxyUrl: null, caFile: null, timeoutMs: 5_000 }, token, tokenStorage: 'session' }),
          })
        ).status,
      { baseUrl: platform.url, token: platform.tokens.full },
    );
    expect(saved).toBe(200);
    const indicator = page.getByTestId('connection-indicator');
    await expect(indicator).toHaveAttribute('data-connection', 'online', { timeout: 30_000 });
    // Everything the walk reads is cached before the platform goes away.
    await expect(page.getByTestId('home-past-due').first()).toBeVisible({ timeout: 60_000 });
    await page.goto(`${app.host.origin}/#/connectors`);
    await expect(page.getByTestId('data-age')).toContainText('Synced', { timeout: 60_000 });

    await walk(page, online!, new RegExp(`Support access to ${online!.name} logged · .*4411`));
    await expect.poll(async () => (await supportAccesses(platform, online!.id)).length).toBe(1);

    await platform.close();
    await expect(indicator).toHaveAttribute('data-connection', 'offline', { timeout: 30_000 });
    await walk(page, offline!, new RegExp(`Support access to ${offline!.name} queued — will be logged when the platform is reachable`));

    platform = await startPlatform({ ...platformOptions, dbPath, port });
    await expect(indicator).toHaveAttribute('data-connection', 'online', { timeout: 60_000 });
    await expect.poll(async () => (await supportAccesses(platform, offline!.id)).length, { timeout: 60_000 }).toBe(1);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Tenants' }).click();
    await page.goto(`${app.host.origin}/#/tenants/${offline!.id}`);
    await expect(page.getByRole('status', { name: 'Support access' })).toContainText(`Support access to ${offline!.name} logged`, { timeout: 30_000 });
    // Sent exactly once, even after the console tried again.
    await page.waitForTimeout(3_000);
    expect(await supportAccesses(platform, offline!.id)).toHaveLength(1);
    expect(await supportAccesses(platform, online!.id)).toHaveLength(1);
  } finally {
    await platform.close().catch(() => undefined);
    dir.remove();
  }
});
