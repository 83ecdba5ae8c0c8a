// The screens issue 13's accessibility spec walks, each opened with its data on it.
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';
import { expect } from './fixtures.ts';
import { giveSupportReason } from './support-reason.ts';

export type Theme = 'light' | 'dark';

interface Screen {
  name: string;
  /** Opens the screen from anywhere, and waits until its data is on it. */
  open: (page: Page, url: string) => Promise<void>;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 2 });

export const screens: Screen[] = [
  {
    name: 'home',
    open: async (page, url) => {
      await page.goto(url);
      await expect(page.getByTestId('home-past-due').first()).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('home-audit-event').first()).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: 'audit, an event open',
    open: async (page, url) => {
      await page.goto(`${url}#/audit`);
      const cells = page.getByTestId('audit-table').getByRole('gridcell');
      await expect(cells.first()).toBeVisible({ timeout: 60_000 });
      await cells.first().click();
      await expect(page.getByTestId('event-drawer').getByTestId('hash-badge')).toBeVisible();
    },
  },
  {
    name: 'queues overview',
    open: async (page, url) => {
      await page.goto(`${url}#/queues`);
      await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: 'queue detail',
    open: async (page, url) => {
      await page.goto(`${url}#/queues`);
      await page.getByTestId('queue-row').first().getByRole('link').first().click();
      await expect(page.getByTestId('queue-detail')).toBeVisible();
      await expect(page.getByTestId('queue-depth-chart')).toBeVisible();
    },
  },
  {
    name: 'tenant directory',
    open: async (page, url) => {
      await page.goto(`${url}#/tenants`);
      await expect(page.getByTestId('tenant-row').first()).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: 'tenant page',
    open: async (page, url) => {
      await page.goto(`${url}#/tenants`);
      await page.getByTestId('tenant-row').first().click();
      await expect(page).toHaveURL(/#\/tenants\/ten_/);
      // The first visit in a session asks why; later ones open straight away.
      const prompt = page.getByRole('dialog', { name: /^Why are you opening / });
      const banner = page.getByRole('status', { name: 'Support access' });
      await expect(prompt.or(banner)).toBeVisible();
      if (await prompt.isVisible()) await giveSupportReason(page);
      await expect(banner).toBeVisible();
    },
  },
  {
    name: 'billing',
    open: async (page, url) => {
      await page.goto(`${url}#/billing`);
      await expect(page.getByTestId('mrr-movements-chart').locator('.recharts-bar-rectangle').first()).toBeAttached({ timeout: 60_000 });
    },
  },
  {
    name: 'connectors matrix',
    open: async (page, url) => {
      await page.goto(`${url}#/connectors`);
      await expect(page.getByTestId('connector-matrix')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('connection-row').first()).toBeVisible();
    },
  },
  {
    name: 'connection drawer',
    open: async (page, url) => {
      await page.goto(`${url}#/connectors`);
      const row = page.getByTestId('connection-row').first();
      await expect(row).toBeVisible({ timeout: 60_000 });
      await row.getByRole('link').first().click();
      await expect(page.getByTestId('connection-run').first()).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: 'settings and profiles',
    open: async (page, url) => {
      await page.goto(`${url}#/settings`);
      await expect(heading(page, 'Settings')).toBeVisible();
    },
  },
  {
    name: 'command palette',
    open: async (page, url) => {
      await page.goto(url);
      await expect(heading(page, 'Home')).toBeVisible();
      await page.keyboard.press('Control+K');
      await page.getByRole('textbox', { name: 'Command palette' }).fill('a');
    },
  },
];

/** One line per violation and node: where, which rule, how bad, and what axe says to fix. */
export function describeViolations(screen: string, theme: Theme, violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${screen} (${theme}): ${violation.id} [${violation.impact}] ${violation.help}\n    at ${node.target.join(' ')}\n    ${node.failureSummary?.replaceAll('\n', '\n    ')}`),
  );
}


export interface TabStop {
  /** Its tag and name, as a person reading the failure would look for it. */
  name: string;
  /** Whether focus is drawn: an outline or a ring on it, or on its label when the control itself is hidden (a segmented control's radios). */
  shown: boolean;
}

/** Presses Tab until focus leaves the page or comes round again; each stop as it was reached. */
export async function tabWalk(page: Page, limit = 80): Promise<TabStop[]> {
  const stops: TabStop[] = [];
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const focused = document.activeElement;
      const seen = ((window as { tabWalkSeen?: WeakSet<Element> }).tabWalkSeen ??= new WeakSet());
      if (focused === null || focused === document.body || seen.has(focused)) return null;
      seen.add(focused);
      const visible = (element: Element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return box.width > 2 && box.height > 2 && style.opacity !== '0';
      };
      const drawn = (element: Element) => {
        const style = getComputedStyle(element);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== 'rgba(0, 0, 0, 0)') || style.boxShadow !== 'none';
      };
      const label = (focused as HTMLInputElement).labels?.[0] ?? null;
      const shows = visible(focused) ? focused : (label ?? focused);
      const name = focused.getAttribute('aria-label') ?? label?.textContent ?? focused.textContent ?? '';
      return { name: `${focused.tagName.toLowerCase()} "${name.trim().replace(/\s+/g, ' ').slice(0, 60)}"`, shown: drawn(shows) };
    });
    if (stop === null) break;
    stops.push(stop);
  }
  return stops;
}
