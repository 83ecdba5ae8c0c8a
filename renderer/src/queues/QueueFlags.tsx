import { Badge, Group } from '@mantine/core';
import type { QueueFlag } from '../../../shared/console-api/index.ts';

const labels: Record<QueueFlag, { text: string; color: string }> = {
  'no-workers': { text: 'no workers', color: 'red' },
  paused: { text: 'paused', color: 'gray' },
  'backing-up': { text: 'backing up', color: 'orange' },
  'old-waiting': { text: 'old jobs waiting', color: 'orange' },
  failing: { text: 'failing', color: 'red' },
};

/** Why a queue is in trouble, as badges. */
export function QueueFlags({ flags, unknownWorkers = false }: { flags: readonly QueueFlag[]; unknownWorkers?: boolean }) {
  if (flags.length === 0 && !unknownWorkers) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {flags.map((flag) => (
        <Badge key={flag} size="xs" variant="light" color={labels[flag].color}>
          {labels[flag].text}
        </Badge>
      ))}
      {unknownWorkers && (
        <Badge size="xs" variant="outline" color="gray" title="This Redis refuses CLIENT LIST, so workers cannot be counted">
          workers unknown
        </Badge>
      )}
    </Group>
  );
}
