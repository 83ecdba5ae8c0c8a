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

/** Saves an Ops API profile named Acme through the console API, its token for this session only; it becomes the active one. */
export async function saveProfile(page: Page, { baseUrl, token, environment = 'prod' }: { baseUrl: string; token: string; environment?: 'prod' | 'staging' }): Promise<void> {
  const status = await page.evaluate(
    async (profile) =>
      (
        await fetch('/api/call/profiles/save', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ kind: 'ops-api', name: 'Acme', color: null, options: { proxyUrl: null, caFile: null, timeoutMs: 5_000 }, tokenStorage: 'session', ...profile }),
        })
      ).status,
    { baseUrl, token, environment },
  );
  expect(status).toBe(200);
}

export { expect };
