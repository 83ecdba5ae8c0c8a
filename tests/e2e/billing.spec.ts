import { expect, demoTest as test } from './fixtures.ts';

const symbolOf = (currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(0).find((part) => part.type === 'currency')!.value;

test('billing on the demo: MRR per currency, never summed, and a past-due tenant opens its tenant page', async ({ page, demo }) => {
  await page.goto(`${demo.host.url}#/billing`);
  const section = page.getByTestId('currency-section');
  await expect(section).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('data-age')).toContainText('Synced');

  const switcher = page.getByTestId('currency-switcher');
  const currencies = (await switcher.getByRole('radio').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).sort();
  expect(currencies.length).toBeGreaterThan(1);
  let pastDue: string | null = null;
  for (const currency of currencies) {
    await switcher.getByText(currency.toUpperCase(), { exact: false }).click();
    await expect(page).toHaveURL(new RegExp(`#/billing\\?currency=${currency}$`));
    await expect(section).toHaveAttribute('data-currency', currency);
    await expect(page.getByTestId('figure-mrr')).toContainText(symbolOf(currency));
    await expect(page.getByTestId('mrr-movements-chart').locator('.recharts-bar-rectangle')).not.toHaveCount(0);
    if (pastDue === null && (await page.getByTestId('past-due-row').count()) > 0) pastDue = currency;
  }
  expect(pastDue).not.toBeNull();

  // Each figure's definition on hover, and when its icon is reached with the keyboard.
  const figures = page.getByTestId('billing-figures');
  await figures.getByTestId('definition-arpa').hover();
  await expect(page.getByRole('tooltip')).toContainText('MRR ÷ paying tenants');
  await page.mouse.move(0, 0);
  await figures.getByTestId('definition-grossChurn').focus();
  await page.keyboard.press('Tab');
  await expect(figures.getByTestId('definition-netChurn')).toBeFocused();
  await expect(page.getByRole('tooltip')).toContainText('expansion − reactivation');

  await switcher.getByText(pastDue!.toUpperCase(), { exact: false }).click();
  const row = page.getByTestId('past-due-row').first();
  const tenantId = await row.getAttribute('data-tenant');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/tenants/${tenantId}$`));
});
