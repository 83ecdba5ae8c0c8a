import { expect, test } from './fixtures.ts';

test('a console call with a bad payload gets a clear validation error, and the console keeps working', async ({ page, console: app }) => {
  await page.goto(`${app.host.url}#/settings`);
  await expect(page.getByTestId('app-info')).toBeVisible();

  const answer = await page.evaluate(async () => {
    const response = await fetch('/api/call/settings/update', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ theme: 'purple', fontSize: 99 }),
    });
    return { status: response.status, body: await response.json() };
  });
  expect(answer.status).toBe(400);
  expect(answer.body.ok).toBe(false);
  expect(answer.body.error.code).toBe('invalid-input');
  expect(answer.body.error.message).toContain('Invalid input for settings/update');
  expect(answer.body.error.message).toContain("field 'theme'");
  expect(answer.body.error.message).not.toMatch(/at .*\.ts:\d+/);

  const unknown = await page.evaluate(async () => {
    const response = await fetch('/api/call/admin/drop-everything', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return { status: response.status, body: await response.json() };
  });
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.message).toBe("Unknown console method 'admin/drop-everything'.");

  // Nothing was written by the rejected call, and the UI still answers.
  await page.getByText('Dark', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
});
