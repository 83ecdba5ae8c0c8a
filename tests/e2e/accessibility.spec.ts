// Issue 13's accessibility bar: axe finds no serious or critical violation on any screen, in either
// theme; and the shell and a screen can be walked with Tab, each stop showing where focus is.
import AxeBuilder from '@axe-core/playwright';
import { demoTest as test, expect } from './fixtures.ts';
import { describeViolations, screens, tabWalk } from './accessibility-screens.ts';
import type { TabStop } from './accessibility-screens.ts';

const screen = (name: string) => screens.find((candidate) => candidate.name === name)!;
const unseen = (stops: TabStop[]) => stops.filter((stop) => !stop.shown).map((stop) => stop.name);
const names = (stops: TabStop[]) => stops.map((stop) => stop.name).join('\n');

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on any screen, ${theme} theme`, async ({ page, demo }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    const found: string[] = [];
    for (const screen of screens) {
      await screen.open(page, demo.host.url);
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme);
      const { violations } = await new AxeBuilder({ page }).analyze();
      found.push(...describeViolations(screen.name, theme, violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')));
    }
    expect(found, `axe violations:\n${found.join('\n')}`).toEqual([]);
  });
}

test('Tab walks the shell and a queue: every stop shows focus, the sections and the main actions are reached, and a skip link jumps past the shell', async ({ page, demo }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await screen('queue detail').open(page, demo.host.url);
  // A fresh load, so that the first Tab starts at the top of the page.
  await page.reload();
  await expect(page.getByTestId('queue-detail')).toBeVisible();

  const stops = await tabWalk(page);
  expect(unseen(stops), `stops with no visible focus, of:\n${names(stops)}`).toEqual([]);
  expect(stops[0]?.name).toBe('button "Skip to content"');
  const reached = names(stops);
  for (const name of ['Jump to…', 'Toggle color scheme', 'Home', 'Audit trail', 'Queues', 'Tenants', 'Billing', 'Connectors', 'Settings', 'All queues', 'Copy link', 'Alerts', 'Pause', 'Retry all failed', 'Failed', 'Retry group']) {
    expect(reached, `"${name}" is not reached by Tab`).toContain(name);
  }

  // The skip link: Tab, Enter, and the next Tab is on the screen, not in the header.
  await page.reload();
  await expect(page.getByTestId('queue-detail')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').getByRole('link', { name: 'All queues' })).toBeFocused();
});

test('from the keyboard an audit event opens in its drawer, focus stays in it and shows, and Escape gives focus back to the row', async ({ page, demo }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${demo.host.url}#/audit`);
  const rows = page.getByTestId('audit-table').getByRole('row').filter({ has: page.getByRole('gridcell') });
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  const query = page.getByRole('textbox', { name: 'Audit query' });
  await query.focus();

  // The query box, the toolbar and the grid's rows are all Tab stops, each drawn when focused. The
  // facets come before the outcome and grow with the synced trail: the walk goes on until focus
  // comes back round, with room for all of them.
  const stops = await tabWalk(page, 400);
  expect(unseen(stops), `stops with no visible focus, of:\n${names(stops)}`).toEqual([]);
  for (const name of ['Saved', 'Export', 'Search older events on the platform', 'outcome', 'Choose columns']) expect(names(stops), `"${name}" is not reached by Tab`).toContain(name);

  await rows.first().focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('hash-badge')).toBeVisible();
  const inDrawer = await tabWalk(page, 30);
  expect(unseen(inDrawer), `stops with no visible focus, of:\n${names(inDrawer)}`).toEqual([]);
  for (const name of ['Same actor', 'Same tenant', 'Close']) expect(names(inDrawer), `"${name}" is not reached by Tab in the drawer`).toContain(name);
  await expect(drawer.locator(':focus')).toHaveCount(1);

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  // Back in the grid, not at the top of the page (the demo keeps syncing, so rows may have moved meanwhile).
  await expect(page.getByTestId('audit-table').locator('[role="row"]:focus')).toHaveCount(1);
});
