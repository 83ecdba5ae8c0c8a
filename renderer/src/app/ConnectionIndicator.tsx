import { Group, RingProgress, Text, Tooltip } from '@mantine/core';
import type { SyncStatus } from '../../../shared/console-api/index.ts';
import { relativeAge } from '../format/relative-age.ts';
import { useNow } from './useNow.ts';

interface Shown {
  label: string;
  detail: string;
  color: string;
  progress: number | null;
}

/** Online / syncing / offline with the age of the cached data, for the active profile. */
export function ConnectionIndicator({ status }: { status: SyncStatus | null }) {
  const now = useNow();
  const shown = describe(status, now);
  return (
    <Tooltip label={shown.detail} multiline maw={420}>
      <Group gap={6} wrap="nowrap" data-testid="connection-indicator" data-connection={status?.connection ?? 'idle'}>
        {shown.progress === null ? (
          <span aria-hidden style={{ width: 8, height: 8, borderRadius: 4, background: `var(--mantine-color-${shown.color}-6)` }} />
        ) : (
          <RingProgress size={18} thickness={3} sections={[{ value: shown.progress * 100, color: shown.color }]} aria-hidden />
        )}
        <Text size="sm" c={status?.connection === 'offline' || status?.integrityError ? shown.color : 'dimmed'} fw={status?.integrityError ? 600 : 400}>
          {shown.label}
        </Text>
      </Group>
    </Tooltip>
  );
}

function describe(status: SyncStatus | null, now: number): Shown {
  const age = status?.lastSyncedAt ? relativeAge(status.lastSyncedAt, now) : null;
  if (status === null || status.connection === 'idle') {
    return { label: 'Not connected', detail: 'Choose or add a platform profile in Settings.', color: 'gray', progress: null };
  }
  if (status.integrityError) return { label: 'Integrity error', detail: status.integrityError, color: 'red', progress: null };
  const syncing = status.resources.find((resource) => resource.progress !== null);
  if (syncing && status.connection !== 'offline') {
    const percent = Math.floor((syncing.progress ?? 0) * 100);
    // Before the platform has answered, progress is work on the cache itself: a migration, or the check after an unclean shutdown.
    const what = status.connection === 'connecting' ? 'Preparing the cache' : `Syncing ${syncing.resource === 'audit' ? 'audit events' : syncing.resource.replace('-', ' ')}`;
    return { label: `${what} ${percent}%`, detail: syncing.detail ?? '', color: 'indigo', progress: syncing.progress };
  }
  switch (status.connection) {
    case 'connecting':
      return { label: 'Connecting…', detail: 'Reaching the platform.', color: 'gray', progress: null };
    case 'online':
      return { label: 'Online', detail: age ? `Last synced ${age}` : 'Connected', color: 'teal', progress: null };
    case 'offline':
      return { label: age ? `Offline — data from ${age}` : 'Offline — nothing cached yet', detail: status.reason ?? 'The platform cannot be reached.', color: 'orange', progress: null };
    case 'degraded':
      return { label: 'Degraded', detail: status.reason ?? 'Some data could not be synced.', color: 'yellow', progress: null };
  }
}
