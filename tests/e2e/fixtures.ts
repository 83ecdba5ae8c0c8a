import { test as base, expect } from '@playwright/test';
import { startConsole } from '../fixtures/web-host.ts';
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

export { expect };
