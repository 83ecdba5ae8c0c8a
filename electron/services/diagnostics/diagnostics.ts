import { arch, platform, release } from 'node:os';
import type { Clock } from '../../../shared/clock.ts';
import type { ConsoleHandlers, DiagnosticsReport, HostKind, ProfilesState, SyncStatus } from '../../../shared/console-api/index.ts';
import { folderSizes } from './data-dir-sizes.ts';
import { diagnosticsText } from './diagnostics-text.ts';

export interface DiagnosticsOptions {
  dataDir: string;
  host: HostKind;
  version: string;
  clock: Clock;
  profiles(): Promise<ProfilesState>;
  syncStatus(): SyncStatus;
  /** The log's redaction: the report is passed through it, a last guard for any secret in an error text. */
  redact(text: string): string;
}

/** Cache folders also hold the marks of open caches and files being converted: only databases count. */
const database = /\.sqlite$/;

/** "Copy diagnostics": what a bug report needs about this installation, as JSON and as text. */
export function createDiagnostics({ dataDir, host, version, clock, profiles, syncStatus, redact }: DiagnosticsOptions): Pick<ConsoleHandlers, 'app/diagnostics'> {
  return {
    'app/diagnostics': async ({ browser }) => {
      const state = await profiles();
      const sync = syncStatus();
      const report = redactStrings(
        {
          generatedAt: new Date(clock()).toISOString(),
          app: { name: 'Opsdeck', version, host },
          versions: { node: process.versions.node, electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null, browser: browser ?? null },
          os: { platform: platform(), release: release(), arch: arch() },
          dataDir,
          keychain: { available: state.keychain.available, detail: state.keychain.detail },
          demo: state.demo.status,
          profiles: state.profiles.map((profile) => ({ name: profile.name, kind: profile.kind, builtIn: profile.builtIn, environment: profile.environment, active: profile.id === state.activeId })),
          sync: {
            profile: sync.profileId,
            connection: sync.connection,
            reason: sync.reason,
            lastSyncedAt: sync.lastSyncedAt,
            integrityError: sync.integrityError,
            resources: sync.resources.map(({ resource, lastSuccessAt, lastError, detail }) => ({ resource, lastSuccessAt, lastError, detail })),
          },
          caches: [...folderSizes(dataDir, 'cache', database), ...folderSizes(dataDir, 'sources', database)],
          logs: folderSizes(dataDir, 'logs'),
        } satisfies DiagnosticsReport,
        redact,
      );
      return { report, text: diagnosticsText(report) };
    },
  };
}

/** Every string in the value, redacted; the shape stays (redacting the JSON text could break its quoting). */
function redactStrings<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactStrings(item, redact)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, redact)])) as T;
  return value;
}
