import { connection, listOf, tenantBilling, tenantPage } from '../../shared/ops-api/index.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { expect, saveProfile, test } from './fixtures.ts';
import { giveSupportReason } from './support-reason.ts';

/** A tenant with invoices and connections, so its page has something in every part. */
async function busyTenant(platform: TestPlatform) {
  const tenants = tenantPage.parse(await (await platform.get('/v1/tenants?limit=1000')).json()).data;
  for (const tenant of tenants) {
    const billing = tenantBilling.parse(await (await platform.get(`/v1/tenants/${tenant.id}/billing`)).json());
    const connections = listOf(connection).parse(await (await platform.get(`/v1/connections?tenant_id=${tenant.id}&limit=1000`)).json()).data;
    if (billing.invoices.length > 0 && connections.length > 0) return { tenant, billing, connections, all: tenants };
  }
  throw new Error('No demo tenant has both invoices and connections');
}

test('a support engineer finds a tenant, reads its page and follows its audit link; offline, the page still shows from the cache', async ({ page, console: app }) => {
  const platform = await startTestPlatform({ tenants: 12, events: 3_000 });
  try {
    const { tenant, billing, connections, all } = await busyTenant(platform);
    await page.goto(`${app.host.url}#/tenants`);
    await saveProfile(page, { baseUrl: platform.url, token: platform.tokens.full });

    const rows = page.getByTestId('tenant-row');
    await expect(rows).toHaveCount(all.length, { timeout: 30_000 });
    await expect(page.getByTestId('tenant-directory').getByTestId('data-age')).toContainText('Synced');

    // Search by the owner's e-mail; the arrow key moves into the list and Enter opens the tenant.
    const search = page.getByRole('textbox', { name: 'Search tenants' });
    await search.fill(tenant.owner_email);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-tenant', tenant.id);
    await search.press('ArrowDown');
    await expect(rows.first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/tenants/${tenant.id}$`));
    await giveSupportReason(page);

    await expect(page.getByTestId('tenant-name')).toHaveText(tenant.name);
    await expect(page.getByTestId('tenant-id')).toHaveText(tenant.id);
    // Billing syncs after the tenants: the invoices arrive a moment later.
    await expect(page.getByTestId('invoice-row')).toHaveCount(billing.invoices.length, { timeout: 30_000 });
    const open = billing.invoices.filter((invoice) => invoice.status === 'open').length;
    if (open > 0) await expect(page.getByTestId('invoice-row').first()).toHaveAttribute('data-status', /^(past_due|open)$/);
    await expect(page.getByTestId('tenant-connection')).toHaveCount(connections.length);
    await expect(page.getByTestId('usage-bar').first()).toBeVisible();
    await expect(page.getByTestId('tenant-audit-row').first()).toBeVisible({ timeout: 30_000 });

    await page.getByTestId('tenant-audit-link').click();
    await expect(page).toHaveURL(new RegExp(`#/audit\\?q=tenant%3A${tenant.id}$`));
    const auditRows = page.getByTestId('audit-table').getByRole('row');
    await expect(auditRows.nth(1)).toBeVisible({ timeout: 20_000 });
    // Audit rows name the tenant, not only its id.
    await expect(page.getByTestId('audit-table').getByText(tenant.name).first()).toBeVisible();

    await platform.stop();
    await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-connection', 'offline', { timeout: 30_000 });
    await page.goto(`${app.host.url}#/tenants/${tenant.id}`);
    await expect(page.getByTestId('tenant-name')).toHaveText(tenant.name);
    await expect(page.getByTestId('invoice-row')).toHaveCount(billing.invoices.length);
    await expect(page.getByTestId('tenant-page').getByTestId('data-age')).toHaveAttribute('data-offline', 'true');

    await page.goto(`${app.host.url}#/tenants/ten_not_cached`);
    await expect(page.getByTestId('tenant-not-cached')).toContainText('ten_not_cached is not in the cache');
  } finally {
    await platform.stop().catch(() => undefined);
  }
});
