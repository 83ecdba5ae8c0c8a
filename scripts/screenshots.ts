// `npm run screenshots`: drives the real console in Debian's Chromium and writes docs/screenshots/*.png.
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';
import { receivedAuditEvents } from '../tests/fixtures/audit-events-for-cache.ts';
import type { DemoPlatformSize } from '../electron/services/demo/demo-platform-host.ts';
import { smallDemo, startConsole } from '../tests/fixtures/web-host.ts';
import { giveSupportReason } from '../tests/e2e/support-reason.ts';

const auditRows = (page: Page) => page.getByTestId('audit-table').getByRole('gridcell');

/** An export of 5,000 events in which someone changed one event and deleted another. */
function tamperedExport(): string {
  const lines = [...receivedAuditEvents({ count: 5_000 })].map(({ raw }) => raw);
  lines[4_000] = lines[4_000]!.replace(/"action":"[^"]*"/, '"action":"tenant.deleted"');
  lines.splice(4_500, 1);
  const file = join(mkdtempSync(join(tmpdir(), 'opsdeck-shots-')), 'audit-q3-export.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function importFile(page: Page, file: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await page.getByRole('textbox', { name: 'Source name' }).fill(name);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('verification-badge').filter({ hasText: 'problems' }).waitFor({ timeout: 30_000 });
}

async function homeGlance(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('home-past-due').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('home-audit-event').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('home-status-overall').waitFor({ timeout: 60_000 });
}

async function billingOverview(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/billing`);
  await page.getByTestId('mrr-movements-chart').locator('.recharts-bar-rectangle').first().waitFor({ state: 'attached', timeout: 60_000 });
}

async function connectorMatrix(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/connectors`);
  await page.getByTestId('failures-chart').locator('.recharts-bar-rectangle').first().waitFor({ state: 'attached', timeout: 60_000 });
}

async function connectionDrawer(page: Page, url: string): Promise<void> {
  await connectorMatrix(page, url);
  await page.getByTestId('connector-matrix').locator('a[data-status="failing"]').first().click();
  await page.getByTestId('connection-row').first().getByRole('link').first().click();
  await page.getByTestId('connection-run').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('test-connection').click();
  await page.getByTestId('test-connection-result').waitFor();
}

/** Settings → About after "Copy diagnostics", once the demo's cache is there to be measured. */
async function copiedDiagnostics(page: Page, url: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${url}#/settings`);
  const copied = page.getByRole('textbox', { name: 'Diagnostics' });
  for (let attempt = 0; attempt < 60; attempt++) {
    await page.getByRole('button', { name: 'Copy diagnostics' }).click();
    await copied.waitFor();
    if ((await copied.inputValue()).includes('cache/demo.sqlite') && (await copied.inputValue()).includes('Sync of Demo: online')) break;
    await page.waitForTimeout(1_000);
  }
  await page.getByRole('button', { name: 'Copy diagnostics' }).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 400);
}

/** Enough tenants that every currency has past-due tenants, trials and cards to show. */
const billingDemo: DemoPlatformSize = { events: 3_000, tenants: 80 };
const tenantsDemo: DemoPlatformSize = { events: 20_000, tenants: 120 };

async function tenantsDirectory(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/tenants`);
  await page.getByTestId('tenant-row').first().waitFor({ timeout: 60_000 });
  await page.locator('input[aria-label="Sort by"]').click();
  await page.getByRole('option', { name: 'MRR' }).click();
  await page.getByRole('button', { name: 'Sort descending' }).click();
  await page.mouse.move(700, 600);
}

/** A past-due tenant's page, under the banner of the access its reason logged: what a support engineer is usually asked about. */
async function pastDueTenantPage(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/tenants`);
  await page.getByTestId('tenant-row').first().waitFor({ timeout: 60_000 });
  await page.locator('input[aria-label="Status"]').click();
  await page.getByRole('option', { name: /past due/ }).click();
  const id = (await page.getByTestId('tenant-row').first().getAttribute('data-tenant'))!;
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${url}#/tenants/${id}`);
  await giveSupportReason(page);
  await page.getByTestId('invoice-row').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('tenant-mrr-chart').locator('.recharts-area').first().waitFor();
  await page.waitForTimeout(300);
}

/** The first cached tenant's page, asking why before it opens. */
async function supportAccessPrompt(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/tenants`);
  const row = page.getByTestId('tenant-row').first();
  await row.waitFor({ timeout: 60_000 });
  await page.goto(`${url}#/tenants/${await row.getAttribute('data-tenant')}`);
  await page.getByRole('dialog', { name: /^Why are you opening / }).getByRole('textbox', { name: 'Ticket number' }).fill('4411');
}

async function supportAccessBanner(page: Page, url: string): Promise<void> {
  await supportAccessPrompt(page, url);
  await giveSupportReason(page);
  await page.getByTestId('invoice-row').first().waitFor({ timeout: 60_000 });
}

/**
 * The banner the desktop app shows once an update has downloaded. The web host has no updater (it
 * answers "not available"), so this shot alone answers the updater's state inside the page.
 */
async function updateBanner(page: Page, url: string): Promise<void> {
  const ready = { channel: 'stable', currentVersion: '1.4.0', nextCheckAt: null, status: { kind: 'ready', version: '1.5.0' } };
  await page.route('**/api/call/updater/state', (route) => route.fulfill({ json: { ok: true, value: ready } }));
  await page.goto(`${url}#/settings`);
  await page.getByTestId('update-banner').waitFor();
  await page.getByTestId('update-status').getByRole('button', { name: 'Restart to update' }).waitFor();
}

async function updateSettings(page: Page, url: string): Promise<void> {
  await updateBanner(page, url);
  await page.getByTestId('update-status').scrollIntoViewIfNeeded();
}

const shots: Array<{ file: string; scheme: 'light' | 'dark'; demo?: true | DemoPlatformSize; viewport?: { width: number; height: number }; take(page: Page, url: string): Promise<void> }> = [
  {
    file: 'shell-light.png',
    scheme: 'light',
    take: async (page, url) => {
      await page.goto(url);
      await page.getByText('Nothing to glance at yet').waitFor();
    },
  },
  {
    file: 'audit-light.png',
    scheme: 'light',
    demo: true,
    take: async (page, url) => {
      await page.goto(`${url}#/audit`);
      await auditRows(page).first().waitFor({ timeout: 60_000 });
      await page.getByRole('textbox', { name: 'Audit query' }).fill('action:user.* -outcome:success');
      await page.waitForTimeout(800);
    },
  },
  {
    file: 'event-drawer-dark.png',
    scheme: 'dark',
    demo: true,
    take: async (page, url) => {
      await page.goto(`${url}#/audit?q=${encodeURIComponent('action:role.*')}`);
      await auditRows(page).first().waitFor({ timeout: 60_000 });
      await auditRows(page).first().click();
      await page.getByTestId('hash-badge').waitFor();
    },
  },
  {
    file: 'query-error-light.png',
    scheme: 'light',
    demo: true,
    take: async (page, url) => {
      await page.goto(`${url}#/audit`);
      await auditRows(page).first().waitFor({ timeout: 60_000 });
      await page.getByRole('textbox', { name: 'Audit query' }).fill('actr:jane');
      await page.getByTestId('query-error').waitFor();
    },
  },
  {
    file: 'verify-report-red-light.png',
    scheme: 'light',
    take: async (page, url) => {
      await page.goto(`${url}#/audit`);
      await importFile(page, tamperedExport(), 'Q3 audit export');
      await page.getByTestId('verification-badge').click();
      await page.getByTestId('verify-problems').waitFor();
    },
  },
  {
    file: 'altered-rows-dark.png',
    scheme: 'dark',
    take: async (page, url) => {
      await page.goto(`${url}#/audit`);
      await importFile(page, tamperedExport(), 'Q3 audit export');
      await page.getByRole('textbox', { name: 'Audit query' }).fill('action:tenant.*');
      await page.locator('[data-altered]').first().waitFor();
    },
  },
  {
    file: 'import-dark.png',
    scheme: 'dark',
    demo: true,
    take: async (page, url) => {
      await page.goto(`${url}#/audit`);
      await auditRows(page).first().waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Import…' }).click();
      await page.getByTestId('import-file-input').setInputFiles(tamperedExport());
      await page.getByRole('checkbox', { name: 'Skip invalid lines' }).check();
    },
  },
  {
    file: 'platform-search-light.png',
    scheme: 'light',
    demo: true,
    take: async (page, url) => {
      await page.goto(`${url}#/audit?q=${encodeURIComponent('action:user.*')}`);
      await auditRows(page).first().waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Search older events on the platform' }).click();
      await page.getByTestId('platform-results').getByRole('gridcell').first().waitFor();
    },
  },
  {
    file: 'command-palette-dark.png',
    scheme: 'dark',
    take: async (page, url) => {
      await page.goto(`${url}#/queues`);
      await page.getByText('No queues yet').waitFor();
      await page.keyboard.press('Control+K');
      await page.getByRole('textbox', { name: 'Command palette' }).fill('t');
    },
  },
  {
    file: 'queues-overview-light.png',
    scheme: 'light',
    demo: true,
    take: async (page, url) => {
      await page.goto(`${url}#/queues`);
      await page.getByTestId('queue-row').first().waitFor({ timeout: 60_000 });
    },
  },
  {
    file: 'queue-detail-dark.png',
    scheme: 'dark',
    demo: true,
    take: async (page, url) => {
      await page.goto(`${url}#/queues/webhook-delivery`);
      await page.getByTestId('queue-depth-chart').locator('.recharts-area').first().waitFor({ timeout: 60_000 });
      await page.getByText('6 h', { exact: true }).click();
      await page.waitForTimeout(1_000);
    },
  },
  {
    file: 'queue-failed-jobs-light.png',
    scheme: 'light',
    demo: true,
    take: async (page, url) => {
      await page.goto(`${url}#/queues/email-sending`);
      await page.getByTestId('failure-group').first().waitFor({ timeout: 60_000 });
      await page.getByTestId('failure-groups').scrollIntoViewIfNeeded();
      await page.getByTestId('failure-group').first().click();
      await page.getByTestId('failed-job').first().waitFor();
    },
  },
  {
    file: 'settings-dark.png',
    scheme: 'dark',
    demo: true,
    take: async (page, url) => {
      await page.goto(`${url}#/settings`);
      await page.getByTestId('profile-demo').waitFor({ timeout: 60_000 });
      await page.getByTestId('profile-demo').getByRole('button', { name: 'Test' }).click();
      await page.getByTestId('profile-test-result').waitFor();
    },
  },
  { file: 'tenants-directory-light.png', scheme: 'light', demo: tenantsDemo, viewport: { width: 1440, height: 900 }, take: tenantsDirectory },
  { file: 'tenant-page-light.png', scheme: 'light', demo: tenantsDemo, viewport: { width: 1440, height: 900 }, take: pastDueTenantPage },
  { file: 'tenant-page-dark.png', scheme: 'dark', demo: tenantsDemo, viewport: { width: 1440, height: 900 }, take: pastDueTenantPage },
  { file: 'home-light.png', scheme: 'light', demo: true, viewport: { width: 1440, height: 900 }, take: homeGlance },
  { file: 'home-dark.png', scheme: 'dark', demo: true, viewport: { width: 1440, height: 900 }, take: homeGlance },
  { file: 'billing-overview-light.png', scheme: 'light', demo: billingDemo, viewport: { width: 1440, height: 900 }, take: billingOverview },
  { file: 'billing-overview-dark.png', scheme: 'dark', demo: billingDemo, viewport: { width: 1440, height: 900 }, take: billingOverview },
  { file: 'connector-matrix-light.png', scheme: 'light', demo: true, viewport: { width: 1440, height: 900 }, take: connectorMatrix },
  { file: 'connector-matrix-dark.png', scheme: 'dark', demo: true, viewport: { width: 1440, height: 900 }, take: connectorMatrix },
  { file: 'connection-drawer-light.png', scheme: 'light', demo: true, viewport: { width: 1440, height: 900 }, take: connectionDrawer },
  { file: 'support-access-prompt-light.png', scheme: 'light', demo: true, viewport: { width: 1440, height: 900 }, take: supportAccessPrompt },
  { file: 'support-access-banner-dark.png', scheme: 'dark', demo: true, viewport: { width: 1440, height: 900 }, take: supportAccessBanner },
  { file: 'diagnostics-light.png', scheme: 'light', demo: true, viewport: { width: 1440, height: 900 }, take: copiedDiagnostics },
  { file: 'update-banner-light.png', scheme: 'light', viewport: { width: 1440, height: 900 }, take: updateBanner },
  { file: 'update-banner-dark.png', scheme: 'dark', viewport: { width: 1440, height: 900 }, take: updateBanner },
  { file: 'update-settings-light.png', scheme: 'light', viewport: { width: 1440, height: 900 }, take: updateSettings },
];

// `npm run screenshots [name-filter]` refreshes the shots whose file name contains the filter.
const filter = process.argv[2] ?? '';
const browser = await chromium.launch(chromiumLaunchOptions);
for (const shot of shots.filter(({ file }) => file.includes(filter))) {
  const app = await startConsole({ demo: shot.demo === true ? smallDemo : (shot.demo ?? null) });
  const page = await browser.newPage({ viewport: shot.viewport ?? { width: 1280, height: 760 }, colorScheme: shot.scheme });
  await shot.take(page, app.host.url);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screenshots/${shot.file}` });
  console.log(`wrote docs/screenshots/${shot.file}`);
  await page.close();
  await app.stop();
}
await browser.close();
