import { demoTest as test, expect } from './fixtures.ts';

test('an on-call engineer follows a failing cell to its connections, opens one, sees its runs and last error, and tests it', async ({ page, demo }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${demo.host.url}#/connectors`);
  const matrix = page.getByTestId('connector-matrix');
  await expect(matrix).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('data-age')).toContainText('Synced');

  // Worst first: the first connector has the most failing connections; its cell is reached from the keyboard.
  const cell = matrix.locator('a[data-status="failing"]').first();
  const failing = Number(await cell.textContent());
  expect(failing).toBeGreaterThan(0);
  const connector = await cell.locator('xpath=ancestor::tr').getAttribute('data-connector');
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/connectors\\?connector=${connector}&status=failing$`));
  await expect(cell).toHaveAttribute('aria-current', 'true');

  const rows = page.getByTestId('connection-row');
  await expect(rows).toHaveCount(failing);
  await expect(page.getByTestId('connections-panel')).toContainText('Connections ·');
  for (const status of await rows.locator('[data-status]').all()) await expect(status).toHaveAttribute('data-status', 'failing');
  const first = rows.first();
  const id = (await first.getAttribute('data-connection'))!;
  const tenantLink = first.getByRole('link').nth(1);
  await expect(tenantLink).toHaveAttribute('href', /^#\/tenants\/ten_/);

  await first.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`#/connectors/connection/${id}$`));
  const drawer = page.getByTestId('connection-drawer');
  await expect(drawer).toBeVisible();
  await expect(page.getByTestId('connection-run').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid="connection-run"][data-status="failed"]').first()).toBeVisible();
  await expect(page.getByTestId('runs-chart').locator('.recharts-bar-rectangle').first()).toBeAttached();
  await expect(page.getByTestId('connection-last-error')).toContainText('Last error');
  await expect(page.getByTestId('connection-audit-link')).toHaveAttribute('href', `#/audit?q=target%3A${id}`);
  await expect(drawer.getByTestId('copy-link')).toHaveAttribute('data-link', `opsdeck://connection/${id}`);

  const test = page.getByTestId('test-connection');
  await expect(test).toBeEnabled({ timeout: 10_000 });
  await test.click();
  const result = page.getByTestId('test-connection-result');
  await expect(result).toBeVisible({ timeout: 10_000 });
  // The platform tests a failing connection and says why it fails.
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText('The connection test failed');

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/connectors\\?connector=${connector}&status=failing$`));
  await expect(drawer).toBeHidden();
});

test('the failures chart draws the cached run history, and a link from elsewhere opens the drawer', async ({ page, demo }) => {
  await page.goto(`${demo.host.url}#/connectors`);
  await expect(page.getByTestId('connector-matrix')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('failures-chart').locator('.recharts-bar-rectangle').first()).toBeAttached({ timeout: 30_000 });
  const id = (await page.getByTestId('connection-row').first().getAttribute('data-connection'))!;
  await page.goto(`${demo.host.origin}/connection/${id}`);
  await expect(page).toHaveURL(`${demo.host.origin}/#/connectors/connection/${id}`);
  await expect(page.getByTestId('connection-drawer')).toHaveAttribute('data-connection', id);
});
