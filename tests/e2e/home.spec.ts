import { demoTest as test, expect } from './fixtures.ts';

test('home is the first screen: status, connections, billing and failures at a glance, each linking into its view', async ({ page, demo }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(demo.host.url);
  await expect(page.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible();
  await expect(page.getByTestId('home-status-overall')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('home-status-component').first()).toBeVisible();
  await expect(page.getByTestId('home-past-due').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('home-audit-event').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('home-mrr')).toContainText('MRR this month');

  // The morning glance fits one screen at 1440×900.
  const scroll = await page.evaluate(() => ({ content: document.documentElement.scrollHeight, viewport: window.innerHeight }));
  expect(scroll.content).toBeLessThanOrEqual(scroll.viewport);

  const tenant = page.getByTestId('home-past-due').first().getByRole('link');
  const name = await tenant.textContent();
  await tenant.click();
  await expect(page).toHaveURL(/#\/tenants\/ten_/);
  expect(name).not.toBe('');
});

test('the command palette opens a tenant found by name, and a web host URL path opens the same page', async ({ page, demo }) => {
  await page.goto(demo.host.url);
  await expect(page.getByTestId('home-past-due').first()).toBeVisible({ timeout: 30_000 });
  const name = (await page.getByTestId('home-past-due').first().getByRole('link').textContent())!;
  const href = (await page.getByTestId('home-past-due').first().getByRole('link').getAttribute('href'))!;

  await page.keyboard.press('Control+K');
  await page.getByRole('textbox', { name: 'Command palette' }).fill(name.slice(0, 8));
  const found = page.getByRole('button', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();
  await expect(found).toBeVisible();
  await found.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));

  const id = href.split('/').pop()!;
  await page.goto(`${demo.host.origin}/tenant/${id}`);
  await expect(page).toHaveURL(`${demo.host.origin}/#/tenants/${id}`);
});
