import { z } from 'zod';

/** Where the console API is served: the Electron main process, or the web host for a browser. */
export const hostKind = z.enum(['electron', 'web']);
export type HostKind = z.infer<typeof hostKind>;

/** `hosts` of a method only the desktop app serves (updater, tray, native dialogs). */
export const desktopOnly = ['electron'] as const satisfies readonly HostKind[];

/** One console API method: what the renderer sends and what it gets back. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** The hosts that serve it; every host when absent. Another host answers it as not available. */
  hosts?: readonly HostKind[];
}

export type MethodTable = Record<string, MethodSpec>;
