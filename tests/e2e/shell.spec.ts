import { expect, test } from './fixtures.ts';

test('the shell renders with navigation, environment badge and an empty state', async ({ page, console: app }) => {
  await page.goto(app.host.url);
  await expect(page).toHaveURL(`${app.host.origin}/`);
  await expect(page.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible();
  await expect(page.getByText('Nothing to glance at yet')).toBeVisible();
  await expect(page.getByTestId('environment-badge')).toHaveText('No profile');
  await expect(page.getByTestId('connection-indicator')).toContainText('Not connected');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  for (const label of ['Home', 'Audit trail', 'Queues', 'Tenants', 'Billing', 'Connectors', 'Settings']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible();
  }
});

test('navigation works by mouse', async ({ page, console: app }) => {
  await page.goto(app.host.url);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('link', { name: 'Queues' }).click();
  await expect(page.getByRole('heading', { name: 'Queues', level: 2 })).toBeVisible();
  await expect(page.getByText('No queues yet')).toBeVisible();
  await expect(page).toHaveURL(/#\/queues$/);
  await expect(nav.getByRole('link', { name: 'Queues' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Connectors' }).click();
  await expect(page.getByRole('heading', { name: 'Connectors', level: 2 })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Queues', level: 2 })).toBeVisible();
});

test('the command palette jumps between sections from the keyboard', async ({ page, console: app }) => {
  await page.goto(app.host.url);
  await expect(page.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible();

  await page.keyboard.press('Control+K');
  const search = page.getByRole('textbox', { name: 'Command palette' });
  await expect(search).toBeFocused();
  await search.fill('tenan');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Tenants', level: 2 })).toBeVisible();
  await expect(search).toBeHidden();

  await page.keyboard.press('Control+K');
  await search.fill('billing');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Billing', level: 2 })).toBeVisible();
});

test('the theme can be switched and the choice persists across reloads', async ({ page, console: app }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${app.host.url}#/settings`);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');

  await page.getByText('Dark', { exact: true }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');

  await page.getByText('Auto', { exact: true }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('a settings change in one tab reaches another tab through pushed events', async ({ page, context, console: app }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.host.url);
  const other = await context.newPage();
  await other.emulateMedia({ colorScheme: 'light' });
  await other.goto(`${app.host.origin}/#/settings`);
  await expect(other.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');

  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(other.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
});

test('settings shows what is running and where its data lives', async ({ page, console: app }) => {
  await page.goto(`${app.host.url}#/settings`);
  const info = page.getByTestId('app-info');
  await expect(info).toContainText('Web host in a browser');
  await expect(info).toContainText(app.dataDir);
});
