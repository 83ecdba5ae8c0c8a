import { app } from 'electron';
import { resolve } from 'node:path';
import { deepLinkScheme } from '../../../shared/deep-link.ts';

/**
 * Makes Opsdeck the OS's handler of opsdeck:// links. Started as `electron .` (development), the
 * OS must also be told which app to run, or links would open a bare Electron.
 */
export function registerDeepLinkScheme(): void {
  if (process.defaultApp && process.argv.length >= 2) app.setAsDefaultProtocolClient(deepLinkScheme, process.execPath, [resolve(process.argv[1]!)]);
  else app.setAsDefaultProtocolClient(deepLinkScheme);
}
