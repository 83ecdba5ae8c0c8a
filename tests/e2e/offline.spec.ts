import { startTestPlatform } from '../fixtures/platform.ts';
import { expect, test } from './fixtures.ts';

test('a synced profile keeps showing its cached audit trail when the platform goes away', async ({ page, console: app }) => {
  const platform = await startTestPlatform({ tenants: 8, events: 3_000 });
  try {
    await page.goto(`${app.host.url}#/audit`);
    const saved = await page.evaluate(
      async ({ baseUrl, token }) => {
        const response = await fetch('/api/call/profiles/save', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ kind: 'ops-api', name: 'Acme', baseUrl, environment: 'staging', color: null, options: { proxyUrl: null, caFile: null, timeoutMs: 5_000 }, token, tokenStorage: 'session' }),
        });
        return response.status;
      },
      { baseUrl: platform.url, token: platform.tokens.auditOnly },
    );
    expect(saved).toBe(200);

    const indicator = page.getByTestId('connection-indicator');
    await expect(indicator).toHaveAttribute('data-connection', 'online', { timeout: 20_000 });
    const rows = page.getByTestId('audit-table').getByRole('row');
    await expect(rows.nth(3)).toBeVisible({ timeout: 20_000 });
    const count = /^([\d,]+) events · /.exec((await page.getByTestId('audit-count').textContent()) ?? '')?.[1];
    expect(Number(count?.replaceAll(',', ''))).toBeGreaterThan(100);

    await platform.stop();
    await expect(indicator).toHaveAttribute('data-connection', 'offline', { timeout: 30_000 });
    await expect(indicator).toContainText(/^Offline — data from (just now|\d+ s ago)$/);
    await expect(rows.nth(3)).toBeVisible();

    await page.reload();
    await expect(page.getByTestId('audit-count')).toContainText(`${count} events · `);
    await page.getByRole('textbox', { name: 'Audit query' }).fill('outcome:denied');
    await expect(page.getByTestId('audit-count')).toContainText(/events ·/);
    await expect(page.getByTestId('audit-table').getByText('denied').first()).toBeVisible();
  } finally {
    await platform.stop().catch(() => undefined);
  }
});
