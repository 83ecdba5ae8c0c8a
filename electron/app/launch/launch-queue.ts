import type { LaunchRequest } from './launch-args.ts';

export interface LaunchTarget {
  openRoute(route: string): void;
  openFile(path: string): void;
}

/**
 * Holds what launches ask for until the window and the services are up: macOS sends open-url and
 * open-file before the app is ready, and the first launch's own argv is read at start. Once open,
 * every request goes straight through.
 */
export function createLaunchQueue() {
  let target: LaunchTarget | null = null;
  const waiting: LaunchRequest = { routes: [], files: [] };

  return {
    deliver(request: LaunchRequest): void {
      if (target === null) {
        waiting.routes.push(...request.routes);
        waiting.files.push(...request.files);
        return;
      }
      for (const route of request.routes) target.openRoute(route);
      for (const file of request.files) target.openFile(file);
    },

    /** The route the window first loads: the last link that arrived, else the audit view when files wait to open there. */
    startRoute(): string | null {
      return waiting.routes.at(-1) ?? (waiting.files.length > 0 ? '#/audit' : null);
    },

    /** From now on requests go to `next`; the waiting files open now (their routes were the start route). */
    open(next: LaunchTarget): void {
      target = next;
      const files = waiting.files.splice(0);
      waiting.routes.length = 0;
      for (const file of files) next.openFile(file);
    },
  };
}
