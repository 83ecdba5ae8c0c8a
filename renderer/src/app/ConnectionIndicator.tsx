import { Group, Text, Tooltip } from '@mantine/core';

export type ConnectionState =
  | { kind: 'not-connected' }
  | { kind: 'online'; lastSyncedAt: string }
  | { kind: 'offline'; lastSyncedAt: string | null; reason: string };

const dotColors = { 'not-connected': 'var(--mantine-color-gray-5)', online: 'var(--mantine-color-teal-6)', offline: 'var(--mantine-color-orange-6)' };

/** Online / offline and how fresh the cached data is. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const label = state.kind === 'not-connected' ? 'Not connected' : state.kind === 'online' ? 'Online' : 'Offline';
  const detail =
    state.kind === 'not-connected' ? 'Add a platform profile in Settings to sync data.'
    : state.kind === 'online' ? `Last synced ${state.lastSyncedAt}`
    : state.reason;
  return (
    <Tooltip label={detail}>
      <Group gap={6} wrap="nowrap" data-testid="connection-indicator">
        <span aria-hidden style={{ width: 8, height: 8, borderRadius: 4, background: dotColors[state.kind] }} />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Group>
    </Tooltip>
  );
}
