import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { secretToolLookup } from '../fixtures/secret-tool.ts';
import { expect, test } from './fixtures.ts';

let platform: TestPlatform;
test.beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 8, events: 2_000 });
});
test.afterAll(() => platform.stop());

test('add a profile in Settings, test it and see its scopes', async ({ page, console: app }) => {
  await page.goto(`${app.host.url}#/settings`);
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByLabel('Name').fill('Acme Staging');
  await dialog.getByLabel('Base URL').fill(platform.url);
  await dialog.getByText('Staging', { exact: true }).click();
  await dialog.getByLabel('API token').fill(platform.tokens.readOnly);

  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const result = dialog.getByTestId('profile-test-result');
  await expect(result).toContainText('Connected');
  await expect(result).toContainText('Signed in as');
  const scopes = result.getByLabel('Scopes');
  await expect(scopes).toContainText('audit:read');
  await expect(scopes).toContainText('no queues:write');

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('profile-acme-staging');
  await expect(row).toContainText('Acme Staging');
  await expect(row).toContainText('token in keychain');
  await expect(page.getByTestId('environment-badge')).toHaveText('Acme Staging · staging');
  expect(secretToolLookup('acme-staging')).toBe(platform.tokens.readOnly);
  expect(await page.content()).not.toContain(platform.tokens.readOnly);

  await row.getByRole('button', { name: 'Test' }).click();
  await expect(row.getByTestId('profile-test-result')).toContainText('Connected');

  await row.getByRole('button', { name: 'More actions for Acme Staging' }).click();
  await page.getByRole('menuitem', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Remove profile' }).click();
  await expect(row).toBeHidden();
  expect(secretToolLookup('acme-staging')).toBeNull();
});

test('a wrong token is reported as rejected, and a production profile is red', async ({ page, console: app }) => {
  await page.goto(`${app.host.url}#/settings`);
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByLabel('Name').fill('Acme Prod');
  await dialog.getByLabel('Base URL').fill(platform.url);
  await dialog.getByLabel('API token').fill('not-a-real-token');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByTestId('profile-test-result')).toContainText('GET /v1/me: token rejected (401)');

  await dialog.getByLabel('API token').fill(platform.tokens.full);
  await dialog.getByRole('button', { name: 'Save' }).click();
  const badge = page.getByTestId('environment-badge');
  await expect(badge).toHaveText('Acme Prod · prod');
  // Mantine's red at the theme's filled shade (8: white text on it reads at 4.5:1).
  await expect(badge).toHaveCSS('background-color', 'rgb(224, 49, 49)');
  await page.getByRole('link', { name: 'Queues' }).click();
  await expect(badge).toHaveText('Acme Prod · prod');
});
