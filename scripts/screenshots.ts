// `npm run screenshots`: drives the real console in Debian's Chromium and writes docs/screenshots/*.png.
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';
import { smallDemo, startConsole } from '../tests/fixtures/web-host.ts';

const auditRows = (page: Page) => page.getByTestId('audit-table').getByRole('gridcell');

const shots: Array<{ file: string; scheme: 'light' | 'dark'; demo?: boolean; take(page: Page, url: string): Promise<void> }> = [
  {
    file: 'shell-light.png',
    scheme: 'light',
    take: async (page, url) => {
      await page.goto(url);
      await page.getByText('No audit events yet').waitFor();
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
];

const browser = await chromium.launch(chromiumLaunchOptions);
for (const shot of shots) {
  const app = await startConsole({ demo: shot.demo ? smallDemo : null });
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, colorScheme: shot.scheme });
  await shot.take(page, app.host.url);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screenshots/${shot.file}` });
  console.log(`wrote docs/screenshots/${shot.file}`);
  await page.close();
  await app.stop();
}
await browser.close();
