import { z } from 'zod';
import { hostKind } from './method.ts';
import type { MethodTable } from './method.ts';

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: hostKind,
  dataDir: z.string(),
  os: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

export const appMethods = {
  'app/info': { input: z.object({}).strict(), output: appInfo },
} satisfies MethodTable;

export const appEvents = {
  /** Open a route (from an opsdeck:// link the OS handed to the running app). */
  'app/navigate': z.object({ route: z.string().regex(/^#\/[\w-]+/) }),
  /** Open the command palette (the desktop app's Find menu item). */
  'app/open-palette': z.object({}),
};
