// `npm run screenshots`: drives the real console in Debian's Chromium and writes docs/screenshots/*.png.
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';
import { startConsole } from '../tests/fixtures/web-host.ts';

const shots: Array<{ file: string; scheme: 'light' | 'dark'; take(page: Page, url: string): Promise<void> }> = [
  {
    file: 'shell-light.png',
    scheme: 'light',
    take: async (page, url) => {
      await page.goto(url);
      await page.getByText('No audit events yet').waitFor();
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
    take: async (page, url) => {
      await page.goto(`${url}#/settings`);
      await page.getByTestId('app-info').waitFor();
    },
  },
];

const browser = await chromium.launch(chromiumLaunchOptions);
for (const shot of shots) {
  const app = await startConsole();
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, colorScheme: shot.scheme });
  await shot.take(page, app.host.url);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screenshots/${shot.file}` });
  console.log(`wrote docs/screenshots/${shot.file}`);
  await page.close();
  await app.stop();
}
await browser.close();
