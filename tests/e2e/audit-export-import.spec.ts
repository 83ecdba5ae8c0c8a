import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { auditCount as count, demoTest as test, expect } from './fixtures.ts';
import { receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { startConsole } from '../fixtures/web-host.ts';


async function importFile(page: Page, file: string, name: string) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import audit events as an offline source' });
  await dialog.getByTestId('import-file-input').setInputFiles(file);
  await dialog.getByRole('textbox', { name: 'Source name' }).fill(name);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: 'Audit source' })).toHaveValue(new RegExp(`^${name} · `));
}

test('search, pivot, export the trail, import the export as an offline source and verify it; a tampered copy is reported by seq', async ({ page, demo }, testInfo) => {
  await page.goto(`${demo.host.url}#/audit`);
  const table = page.getByTestId('audit-table');
  await expect(table.getByRole('gridcell').first()).toBeVisible({ timeout: 45_000 });
  const query = page.getByRole('textbox', { name: 'Audit query' });

  // Fields and free text, an event, a pivot.
  await query.fill('action:role.* role');
  await expect.poll(() => count(page)).toBeGreaterThan(0);
  await table.getByRole('gridcell').first().click();
  const drawer = page.getByTestId('event-drawer');
  await expect(drawer.getByTestId('hash-badge')).toHaveText('hash verified');
  await drawer.getByRole('button', { name: 'Same tenant' }).click();
  await expect(query).toHaveValue(/^tenant:\S+$/);

  // Export the whole cached trail as NDJSON; the browser downloads it.
  await query.fill('');
  await expect.poll(() => count(page)).toBeGreaterThan(300);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /NDJSON \+ manifest/ }).click();
  const download = await downloading;
  const exported = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(exported);
  const lines = readFileSync(exported, 'utf8').trimEnd().split('\n');
  // The demo platform is live: the export holds what was cached when it ran.
  expect(lines.length).toBeGreaterThan(300);
  await expect(page.getByTestId('jobs-tray').getByText(`${lines.length.toLocaleString('en-US')} events written`)).toBeVisible();

  // Import it as an offline source: same events, searchable, verified green.
  await importFile(page, exported, 'exported-trail');
  await expect(page).toHaveURL(/source=import%3Aexported-trail/);
  await expect.poll(() => count(page)).toBe(lines.length);
  await expect(page.getByTestId('verification-badge')).toHaveText('Verified');
  await query.fill('outcome:denied');
  await expect.poll(() => count(page)).toBeGreaterThan(0);

  // A copy with one event altered and one line deleted: both reported by seq, the altered row marked.
  const altered = JSON.parse(lines[100]!) as { seq: number; ip: string | null };
  const deleted = JSON.parse(lines[200]!) as { seq: number };
  const tamperedLines = lines.map((line, index) => (index === 100 ? line.replace(/"action":"[^"]*"/, '"action":"tenant.deleted"') : line));
  tamperedLines.splice(200, 1);
  const tampered = join(testInfo.outputPath(), 'tampered.ndjson');
  writeFileSync(tampered, `${tamperedLines.join('\n')}\n`);
  await query.fill('');
  await importFile(page, tampered, 'tampered-copy');
  const badge = page.getByTestId('verification-badge');
  await expect(badge).toContainText('1 altered');
  await expect(badge).toContainText('1 missing range');
  await badge.click();
  const problems = page.getByTestId('verify-problems');
  await expect(problems.getByRole('row').filter({ hasText: 'altered' })).toContainText(String(altered.seq));
  await expect(problems.getByRole('row').filter({ hasText: 'missing range' })).toContainText(String(deleted.seq));
  await page.keyboard.press('Escape');
  await query.fill(`action:tenant.deleted`);
  await expect(table.locator('[data-altered]')).toHaveCount(1);
});

test('without a profile, a file with a bad line imports nothing and says where; skipping invalid lines imports the rest with a report', async ({ page }, testInfo) => {
  const app = await startConsole();
  try {
    const lines = [...receivedAuditEvents({ count: 50 })].map(({ raw }) => raw);
    lines[2] = '{"id": "evt_broken", "seq": 3,';
    const file = join(testInfo.outputPath(), 'bad.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);

    await page.goto(`${app.host.url}#/audit`);
    await page.getByRole('button', { name: 'import an exported audit file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import audit events as an offline source' });
    await dialog.getByTestId('import-file-input').setInputFiles(file);
    await expect(dialog.getByRole('textbox', { name: 'Source name' })).toHaveValue('bad');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByTestId('import-error')).toContainText('bad.ndjson:3: not JSON');
    await expect(dialog.getByTestId('import-error')).toContainText('Nothing was imported');

    await dialog.getByRole('checkbox', { name: 'Skip invalid lines' }).check();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect.poll(() => count(page)).toBe(49);
    const card = page.getByTestId('jobs-tray').locator('[data-job-state="done"]');
    await expect(card).toContainText('1 invalid line skipped');
    const downloading = page.waitForEvent('download');
    await card.getByRole('button', { name: /import-report\.json/ }).click();
    const report = JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as unknown;
    expect(JSON.stringify(report)).toContain('"line":3');
  } finally {
    await app.stop();
  }
});
