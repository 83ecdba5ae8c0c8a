import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Opsdeck keeps settings and caches when no --data-dir is given. It matches Electron's
 * userData path for the product name, so the desktop app and the web host share one place.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.OPSDECK_DATA_DIR) return env.OPSDECK_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Opsdeck');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Opsdeck');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Opsdeck');
}
