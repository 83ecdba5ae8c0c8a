import { app } from 'electron';
import { isAuditFile } from '../files/audit-file-kinds.ts';
import { argvSkip, launchRequest } from './launch-args.ts';
import type { LaunchRequest } from './launch-args.ts';

/**
 * Everything the OS hands Opsdeck to open, on each OS's path: this launch's argv; a second
 * launch's argv, forwarded by the single-instance lock to this one (Windows and Linux links and
 * files); macOS open-url (links) and open-file (files). Must run before the app is ready: macOS
 * sends what started the app before 'ready'.
 */
export function receiveLaunches(deliver: (request: LaunchRequest) => void, bringToFront: () => void): void {
  const skip = argvSkip(process.defaultApp);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    bringToFront();
    deliver(launchRequest(argv, { skip, cwd: workingDirectory }));
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deliver(launchRequest([url], { skip: 0, cwd: process.cwd() }));
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (isAuditFile(path)) deliver({ routes: [], files: [path] });
  });
  deliver(launchRequest(process.argv, { skip, cwd: process.cwd() }));
}
