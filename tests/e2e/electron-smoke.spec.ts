import { _electron as electron, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { electronBinaryPath, electronMissingReason } from '../../scripts/electron-binary.mjs';
import { bridgeKeys } from '../../shared/preload-bridge.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

const binary = electronBinaryPath();

test('the desktop app opens its locked-down window on app:// and answers console calls', async () => {
  test.skip(binary === null, `Skipped: ${electronMissingReason}. The same renderer and services are tested in Chromium against the web host.`);
  const dataDir = makeDataDir();
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(import.meta.dirname, '../..')],
    env: { ...process.env, OPSDECK_DATA_DIR: dataDir.path },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/opsdeck\//);
    // Sandboxed, isolated, no Node: the page sees only what the preload exposes (the list it builds its bridge from).
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { opsdeck?: object }).opsdeck ?? {}).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: [...bridgeKeys].sort() });
    await page.evaluate(() => (location.hash = '#/settings'));
    await expect(page.getByTestId('app-info')).toContainText('Desktop app (Electron)');
  } finally {
    await app.close();
    dataDir.remove();
  }
});
