import { z } from 'zod';
import { hostKind } from './method.ts';
import type { MethodTable } from './method.ts';
import { environmentTag, profileKind } from './profiles.ts';
import { connectionState, syncResource } from './sync.ts';

/** One file (or folder) and its size in bytes, named relative to the data dir. */
const sizedFile = z.object({ path: z.string(), bytes: z.number().int().nonnegative() });

/**
 * What "Copy diagnostics" gathers for a bug report: versions, profile names and kinds, the sync
 * state and the sizes of the caches and logs. Never a token, a password or an address with one.
 */
export const diagnosticsReport = z.object({
  generatedAt: z.iso.datetime(),
  app: z.object({ name: z.string(), version: z.string(), host: hostKind }),
  /** Runtime versions where known: Electron and Chrome only in the desktop app; the browser's user agent in the web host. */
  versions: z.object({ node: z.string(), electron: z.string().nullable(), chrome: z.string().nullable(), browser: z.string().nullable() }),
  os: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
  dataDir: z.string(),
  keychain: z.object({ available: z.boolean(), detail: z.string() }),
  demo: z.enum(['off', 'starting', 'running', 'failed']),
  profiles: z.array(z.object({ name: z.string(), kind: profileKind, builtIn: z.boolean(), environment: environmentTag, active: z.boolean() })),
  sync: z.object({
    profile: z.string().nullable(),
    connection: connectionState,
    reason: z.string().nullable(),
    lastSyncedAt: z.iso.datetime().nullable(),
    integrityError: z.string().nullable(),
    resources: z.array(z.object({ resource: syncResource, lastSuccessAt: z.iso.datetime().nullable(), lastError: z.string().nullable(), detail: z.string().nullable() })),
  }),
  /** Profile caches and imported sources, each with its -wal and -shm files counted in. */
  caches: z.array(sizedFile),
  logs: z.array(sizedFile),
});
export type DiagnosticsReport = z.infer<typeof diagnosticsReport>;

export const diagnosticsMethods = {
  'app/diagnostics': {
    input: z.object({ browser: z.string().max(500).optional() }).strict(),
    output: z.object({ report: diagnosticsReport, text: z.string() }),
  },
} satisfies MethodTable;
