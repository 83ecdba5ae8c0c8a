import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { smallDemo, startConsole } from '../fixtures/web-host.ts';
import type { RunningConsole } from '../fixtures/web-host.ts';

/** Each test gets its own running console (web host + services + data dir) and a page on it. */
export const test = base.extend<{ console: RunningConsole }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
  console: async ({}, use) => {
    const running = await startConsole();
    await use(running);
    await running.stop();
  },
});

/** Each test gets a console on the built-in demo platform (small), which syncs as the test starts. */
export const demoTest = base.extend<{ demo: RunningConsole }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
  demo: async ({}, use) => {
    const running = await startConsole({ demo: smallDemo });
    await use(running);
    await running.stop();
  },
});

/** The audit view's "N events" count. */
export async function auditCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('audit-count').textContent()) ?? '';
  return Number(/^([\d,]+) event/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
}

export { expect };
