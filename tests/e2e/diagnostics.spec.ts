import { demoTest as test, expect } from './fixtures.ts';

/** The demo platform's tokens look like this; none may reach what is copied. */
const demoToken = /opsdeck_demo_\w+_[0-9a-f]{32}/;

test('Copy diagnostics puts versions, profiles, sync state and cache sizes on the clipboard, shows them, and never a token', async ({ page, context, demo }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(demo.host.url);
  await page.goto(`${demo.host.origin}/#/settings`);
  const copy = page.getByRole('button', { name: 'Copy diagnostics' });

  // The demo syncs as the test starts: copy again until its cache is there to be measured.
  await expect(async () => {
    await copy.click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied to the clipboard' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/cache\/demo\.sqlite: [\d.]+ [KM]B/);
  }).toPass({ timeout: 30_000 });

  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^Opsdeck 0\.0\.0-test diagnostics, \d{4}-\d\d-\d\dT/);
  expect(copied).toMatch(/^Host: web host \(Node \d+\.\d+\.\d+\)$/m);
  expect(copied).toMatch(/^Browser: Mozilla\/5\.0 .*Chrome\/\d+/m);
  expect(copied).toContain('* Demo: ops-api (built in), dev, active');
  expect(copied).toMatch(/^Sync of Demo: (online|connecting)/m);
  expect(copied).toMatch(/^ {2}audit: last success /m);
  expect(copied).toMatch(/^Logs \(1, [\d.]+ K?B\):\n {2}logs\/opsdeck\.log/m);
  expect(copied).not.toMatch(demoToken);
  await expect(page.getByRole('textbox', { name: 'Diagnostics' })).toHaveValue(copied);
});

test('when the clipboard refuses, the diagnostics are shown to copy by hand, with the reason', async ({ page, demo }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) });
  });
  await page.goto(demo.host.url);
  await page.goto(`${demo.host.origin}/#/settings`);
  await page.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(page.getByRole('alert', { name: 'Could not copy the diagnostics' })).toContainText('Could not copy the diagnostics');
  await expect(page.getByRole('alert', { name: 'Could not copy the diagnostics' })).toContainText('The clipboard refused them: Write permission denied. Select the text below and copy it yourself.');
  await expect(page.getByRole('textbox', { name: 'Diagnostics' })).toHaveValue(/^Opsdeck 0\.0\.0-test diagnostics/);
});
