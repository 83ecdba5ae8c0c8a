import { Group, Text, Tooltip } from '@mantine/core';
import { IconCloudOff, IconRefresh } from '@tabler/icons-react';
import type { SyncResource, SyncStatus } from '../../../shared/console-api/index.ts';
import { useNow } from '../app/useNow.ts';
import { useSyncStatus } from '../app/useSyncStatus.ts';
import { relativeAge } from '../format/relative-age.ts';

/**
 * How old a view's cached data is: "Synced 3 min ago", or "Offline · data from 2 h ago". The
 * oldest of the view's resources counts, since the view is only as fresh as that one.
 */
export function DataAge({ resources }: { resources: readonly SyncResource[] }) {
  const now = useNow();
  const sync = useSyncStatus();
  if (sync.status !== 'ready') return null;
  const shown = describe(sync.value, resources, now);
  return (
    <Tooltip label={shown.detail} multiline maw={420} disabled={shown.detail === null}>
      <Group gap={4} wrap="nowrap" data-testid="data-age" data-offline={shown.offline || undefined}>
        {shown.offline ? <IconCloudOff size={14} color="var(--mantine-color-orange-6)" /> : <IconRefresh size={14} color="var(--mantine-color-dimmed)" />}
        <Text size="xs" c={shown.offline ? 'orange' : 'dimmed'}>
          {shown.label}
        </Text>
      </Group>
    </Tooltip>
  );
}

function describe(status: SyncStatus, resources: readonly SyncResource[], now: number): { label: string; detail: string | null; offline: boolean } {
  const mine = status.resources.filter((resource) => resources.includes(resource.resource));
  const synced = mine.map((resource) => resource.lastSuccessAt);
  const oldest = synced.includes(null) ? null : synced.sort()[0] ?? null;
  const offline = status.connection === 'offline';
  const error = mine.find((resource) => resource.lastError !== null)?.lastError ?? null;
  const detail = offline ? (status.reason ?? 'The platform cannot be reached.') : error;
  if (oldest === null) return { label: offline ? 'Offline · not synced yet' : 'Not synced yet', detail, offline };
  const age = relativeAge(oldest, now);
  return { label: offline ? `Offline · data from ${age}` : `Synced ${age}`, detail: detail ?? `Last synced ${new Date(oldest).toISOString()}`, offline };
}
