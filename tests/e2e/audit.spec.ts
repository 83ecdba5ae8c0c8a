import { auditCount as count, demoTest as test, expect } from './fixtures.ts';

test('search with fields and free text, open an event, verify its hash and pivot', async ({ page, demo }) => {
  await page.goto(`${demo.host.url}#/audit`);
  const cells = page.getByTestId('audit-table').getByRole('gridcell');
  await expect(cells.first()).toBeVisible({ timeout: 45_000 });
  const all = await count(page);
  expect(all).toBeGreaterThan(100);

  const query = page.getByRole('textbox', { name: 'Audit query' });
  await query.fill('action:user.* -outcome:success');
  await expect.poll(() => count(page)).toBeLessThan(all);
  await expect(page.getByTestId('audit-table').getByText('success', { exact: true })).toHaveCount(0);

  await query.fill('actr:someone');
  await expect(page.getByTestId('query-error')).toHaveText("unknown field 'actr' at 1 — did you mean actor?");

  await query.fill('action:role.assigned');
  // Rows of the previous query stay until the new ones arrive.
  await expect(cells.nth(2)).toHaveText('role.assigned');
  await cells.first().click();
  const drawer = page.getByTestId('event-drawer');
  await expect(drawer.getByTestId('hash-badge')).toHaveText('hash verified');
  await expect(drawer.getByTestId('changes-diff')).toContainText('role');
  await drawer.getByRole('button', { name: 'Same actor' }).click();
  await expect(query).toHaveValue(/^actor:\S+$/);
  await expect.poll(() => count(page)).toBeGreaterThan(0);
  await expect(page).toHaveURL(/#\/audit\?q=actor%3A/);
});

test('facets filter by click and exclude by Alt-click; saved searches reopen a query', async ({ page, demo }) => {
  await page.goto(`${demo.host.url}#/audit`);
  await expect(page.getByTestId('audit-table').getByRole('gridcell').first()).toBeVisible({ timeout: 45_000 });
  const query = page.getByRole('textbox', { name: 'Audit query' });
  const facets = page.getByTestId('audit-facets');

  const all = await count(page);
  await facets.getByRole('button', { name: 'outcome denied' }).click();
  await expect(query).toHaveValue('outcome:denied');
  // The unfiltered count stays until the filtered one arrives.
  await expect.poll(() => count(page)).toBeLessThan(all);
  const denied = await count(page);
  await facets.getByRole('button', { name: 'outcome denied' }).click({ modifiers: ['Alt'] });
  await expect(query).toHaveValue('outcome:denied -outcome:denied');
  await expect.poll(() => count(page)).toBe(0);
  await expect(page.getByText('No events match this query.')).toBeVisible();

  await query.fill('outcome:denied');
  await expect.poll(() => count(page)).toBe(denied);
  await page.getByRole('button', { name: 'Saved' }).click();
  await page.getByRole('menuitem', { name: 'Save this search…' }).click();
  await page.getByRole('dialog', { name: 'Save this search' }).getByLabel('Name').fill('Denied access');
  await page.getByRole('dialog', { name: 'Save this search' }).getByRole('button', { name: 'Save' }).click();

  await query.fill('');
  await page.getByRole('button', { name: 'Saved' }).click();
  await page.getByRole('menuitem', { name: /Denied access/ }).click();
  await expect(query).toHaveValue('outcome:denied');
  await page.reload();
  await page.getByRole('button', { name: 'Saved' }).click();
  await expect(page.getByRole('menuitem', { name: /Denied access/ })).toBeVisible();
});

test('older events come from the platform server-side search, labelled as such', async ({ page, demo }) => {
  await page.goto(`${demo.host.url}#/audit?q=${encodeURIComponent('action:user.*')}`);
  await expect(page.getByTestId('audit-table').getByRole('gridcell').first()).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Search older events on the platform' }).click();
  const results = page.getByTestId('platform-results');
  await expect(results.getByText('Server-side search on the platform')).toBeVisible();
  await expect(results.getByText(/not cached, not\s+available offline, not hash-verified/)).toBeVisible();
  await expect(results.getByRole('gridcell').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Audit query' }).fill('action:user.* ip:10.0.0.0/8');
  await expect(results.getByText('Its server-side search does not support: ip:.')).toBeVisible();
  await results.getByRole('button', { name: 'Back to cached results' }).click();
  await expect(results).toBeHidden();
});
