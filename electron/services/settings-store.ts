import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, describeIssues, settings as settingsSchema } from '../../shared/console-api/index.ts';
import type { Settings, SettingsPatch } from '../../shared/console-api/index.ts';
import { writeFileAtomic } from './atomic-write.ts';

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

export interface SettingsStoreOptions {
  dataDir: string;
  warn?: (message: string) => void;
}

/**
 * Settings live in `settings.json` in the data dir. A file that cannot be read as settings is
 * moved aside (never overwritten in place) and the defaults are used, with a warning.
 */
export function openSettingsStore({ dataDir, warn = console.warn }: SettingsStoreOptions): SettingsStore {
  const path = join(dataDir, 'settings.json');
  let current = load();

  function load(): Settings {
    if (!existsSync(path)) return defaultSettings;
    const text = readFileSync(path, 'utf8');
    const problem = checkSettingsText(text);
    if (problem.ok) return problem.value;
    const aside = `${path}.broken-${Date.now()}`;
    renameSync(path, aside);
    warn(`Settings file ${path} is unreadable (${problem.reason}); moved it to ${aside} and using defaults.`);
    return defaultSettings;
  }

  return {
    get: () => current,
    update(patch) {
      const next = settingsSchema.parse({ ...current, ...patch });
      writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
      current = next;
      return current;
    },
  };
}

function checkSettingsText(text: string): { ok: true; value: Settings } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const parsed = settingsSchema.partial().safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  return { ok: true, value: { ...defaultSettings, ...parsed.data } };
}
