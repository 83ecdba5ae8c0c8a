import type { DiagnosticsReport } from '../../../shared/console-api/index.ts';
import { formatBytes } from '../../../shared/format-bytes.ts';

/** The report as plain lines, to paste into a bug report. */
export function diagnosticsText(report: DiagnosticsReport): string {
  const { app, versions, os, sync } = report;
  const runtime = [`Node ${versions.node}`, versions.electron && `Electron ${versions.electron}`, versions.chrome && `Chrome ${versions.chrome}`].filter(Boolean).join(', ');
  const syncedProfile = report.profiles.find((profile) => profile.active)?.name ?? sync.profile ?? 'none';
  return [
    `${app.name} ${app.version} diagnostics, ${report.generatedAt}`,
    `Host: ${app.host === 'electron' ? 'desktop app' : 'web host'} (${runtime})`,
    ...(versions.browser === null ? [] : [`Browser: ${versions.browser}`]),
    `OS: ${os.platform} ${os.release} (${os.arch})`,
    `Data directory: ${report.dataDir}`,
    // The detail says where tokens are kept, or that none can be and why.
    `Keychain: ${report.keychain.detail}`,
    `Demo platform: ${report.demo}`,
    '',
    `Profiles (${report.profiles.length}):`,
    ...report.profiles.map((profile) => `  ${profile.active ? '*' : '-'} ${profile.name}: ${profile.kind}${profile.builtIn ? ' (built in)' : ''}, ${profile.environment}${profile.active ? ', active' : ''}`),
    '',
    `Sync of ${syncedProfile}: ${sync.connection}${sync.reason === null ? '' : ` (${sync.reason})`}, last synced ${sync.lastSyncedAt ?? 'never'}`,
    ...(sync.integrityError === null ? [] : [`  integrity stop: ${sync.integrityError}`]),
    ...sync.resources.map((entry) =>
      [`  ${entry.resource}: last success ${entry.lastSuccessAt ?? 'never'}`, entry.detail, entry.lastError && `last error: ${entry.lastError}`].filter(Boolean).join('; '),
    ),
    '',
    ...sizes('Caches', report.caches),
    '',
    ...sizes('Logs', report.logs),
  ].join('\n');
}

function sizes(title: string, files: DiagnosticsReport['caches']): string[] {
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  return [`${title} (${files.length}, ${formatBytes(total)}):`, ...files.map((file) => `  ${file.path}: ${formatBytes(file.bytes)}`)];
}
