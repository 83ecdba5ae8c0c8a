import { resolve } from 'node:path';
import { deepLinkRoute, deepLinkScheme } from '../../../shared/deep-link.ts';
import { isAuditFile } from '../files/audit-file-kinds.ts';

/** What a launch asks of Opsdeck: routes of opsdeck:// links to show, and audit files to open. */
export interface LaunchRequest {
  routes: string[];
  files: string[];
}

export interface LaunchArgsContext {
  /** Leading entries that are not arguments: the executable, and in development the app's path (`electron .`). */
  skip: number;
  /** Relative file arguments are relative to the launching shell's directory. */
  cwd: string;
}

/**
 * Sorts a launch's command line (this one's, or a second launch's that the single-instance lock
 * forwards): opsdeck:// links (Windows and Linux hand links so), audit export files (a
 * double-click or "Open with" on Windows and Linux, or a file typed after the command), and the
 * rest, which is ignored: switches Chromium or the OS add (`--flag`, macOS `-psn_…`), links
 * Opsdeck does not know, and files of other kinds.
 */
export function launchRequest(argv: readonly string[], { skip, cwd }: LaunchArgsContext): LaunchRequest {
  const request: LaunchRequest = { routes: [], files: [] };
  for (const arg of argv.slice(skip)) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().startsWith(`${deepLinkScheme}:`)) {
      const route = deepLinkRoute(arg);
      if (route !== null) request.routes.push(route);
    } else if (isAuditFile(arg)) {
      request.files.push(resolve(cwd, arg));
    }
  }
  return request;
}

/** How many leading argv entries are the executable (and, started as `electron .`, the app). */
export const argvSkip = (defaultApp: boolean | undefined) => (defaultApp ? 2 : 1);
