import { Badge } from '@mantine/core';
import type { ConnectionLateness, ConnectionRow } from '../../../shared/console-api/index.ts';

type ConnectionStatus = ConnectionRow['status'];

/** A connection status's colour, worst to best: red, orange, yellow, then blue (paused on purpose) and teal; for any view that shows one. */
export const connectionStatusColors: Record<ConnectionStatus, string> = { failing: 'red', disconnected: 'orange', degraded: 'yellow', paused: 'blue', healthy: 'teal' };

export function ConnectionStatusBadge({ status, size = 'sm' }: { status: ConnectionStatus; size?: 'sm' | 'md' }) {
  return (
    <Badge size={size} variant="light" color={connectionStatusColors[status]} data-status={status}>
      {status}
    </Badge>
  );
}

const latenessText = {
  late: { color: 'orange', title: 'No success for more than one sync interval past the expected time' },
  stale: { color: 'red', title: 'No success for more than two sync intervals past the expected time' },
} as const;

/** "late" or "stale" beside a connection's status; nothing when on time or not scheduled. */
export function LatenessBadge({ lateness }: { lateness: ConnectionLateness }) {
  if (lateness === null || lateness === 'on-time') return null;
  const { color, title } = latenessText[lateness];
  return (
    <Badge size="sm" variant="outline" color={color} title={title} data-lateness={lateness}>
      {lateness}
    </Badge>
  );
}
