// `npx tsx scripts/tenants-screenshots.ts`: the tenants directory and a tenant page from the demo
// platform in Debian's Chromium, at 1440x900, into docs/screenshots/.
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';
import { giveSupportReason } from '../tests/e2e/support-reason.ts';
import { startConsole } from '../tests/fixtures/web-host.ts';

const app = await startConsole({ demo: { events: 20_000, tenants: 120 } });
const browser = await chromium.launch(chromiumLaunchOptions);

async function shoot(scheme: 'light' | 'dark', file: string, show: (page: Page) => Promise<void>) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
  await show(page);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `docs/screenshots/${file}` });
  console.log(`wrote docs/screenshots/${file}`);
  await page.close();
}

/** A past-due tenant: the page then shows what a support engineer is usually asked about. */
async function pastDueTenant(page: Page): Promise<string> {
  await page.goto(`${app.host.url}#/tenants`);
  await page.getByTestId('tenant-row').first().waitFor({ timeout: 60_000 });
  await page.locator('input[aria-label="Status"]').click();
  await page.getByRole('option', { name: /past due/ }).click();
  return (await page.getByTestId('tenant-row').first().getAttribute('data-tenant'))!;
}

const showTenant = (id: string) => async (page: Page) => {
  await page.goto(`${app.host.url}#/tenants/${id}`);
  await page.getByTestId('invoice-row').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('tenant-mrr-chart').locator('.recharts-area').first().waitFor();
};

const setup = await browser.newPage();
const id = await pastDueTenant(setup);
// The first look at a tenant asks why; the shots then show the page under its access banner.
await setup.goto(`${app.host.url}#/tenants/${id}`);
await giveSupportReason(setup);
await setup.evaluate(() => sessionStorage.clear());
await setup.close();
await shoot('light', 'tenants-directory-light.png', async (page) => {
  await page.goto(`${app.host.url}#/tenants`);
  await page.getByTestId('tenant-row').first().waitFor({ timeout: 60_000 });
  await page.locator('input[aria-label="Sort by"]').click();
  await page.getByRole('option', { name: 'MRR' }).click();
  await page.getByRole('button', { name: 'Sort descending' }).click();
  await page.mouse.move(700, 600);
});
await shoot('light', 'tenant-page-light.png', showTenant(id));
await shoot('dark', 'tenant-page-dark.png', showTenant(id));
await browser.close();
await app.stop();
