import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../electron/services/settings-store.ts';
import { defaultSettings } from '../../shared/console-api/index.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

const dirs: Array<{ remove(): void }> = [];
function dataDir() {
  const dir = makeDataDir();
  dirs.push(dir);
  return dir.path;
}
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

describe('settings store', () => {
  it('starts from defaults and persists updates to settings.json', () => {
    const dir = dataDir();
    const store = openSettingsStore({ dataDir: dir });
    expect(store.get()).toEqual(defaultSettings);
    store.update({ theme: 'dark' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({ ...defaultSettings, theme: 'dark' });
    expect(openSettingsStore({ dataDir: dir }).get().theme).toBe('dark');
  });

  it('reads a file from before queue alerts existed, with the default thresholds', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'settings.json'), '{"theme": "dark", "timeDisplay": "utc"}');
    expect(openSettingsStore({ dataDir: dir, warn: (message) => expect.fail(message) }).get()).toEqual({ ...defaultSettings, theme: 'dark', timeDisplay: 'utc' });
  });

  it('refuses an invalid value and keeps the file as it was', () => {
    const dir = dataDir();
    const store = openSettingsStore({ dataDir: dir });
    store.update({ theme: 'light' });
    expect(() => store.update({ theme: 'neon' as never })).toThrow(/theme/);
    expect(openSettingsStore({ dataDir: dir }).get().theme).toBe('light');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('moves an unreadable file aside with a warning instead of crashing or overwriting it', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'settings.json'), '{"theme": "dark",');
    const warnings: string[] = [];
    const store = openSettingsStore({ dataDir: dir, warn: (message) => warnings.push(message) });
    expect(store.get()).toEqual(defaultSettings);
    expect(warnings[0]).toMatch(/settings\.json is unreadable \(not JSON: .*\); moved it to .*settings\.json\.broken-\d+/);
    const aside = readdirSync(dir).find((name) => name.startsWith('settings.json.broken-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"theme": "dark",');
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
  });

  it('treats a well-formed file with a bad value as unreadable, naming the field', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'settings.json'), '{"theme": "sepia"}');
    const warnings: string[] = [];
    openSettingsStore({ dataDir: dir, warn: (message) => warnings.push(message) });
    expect(warnings[0]).toContain("field 'theme'");
  });
});
