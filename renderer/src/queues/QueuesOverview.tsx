import { Anchor, Group, Loader, Table, Text, Tooltip } from '@mantine/core';
import { Sparkline } from '@mantine/charts';
import type { QueueSummary } from '../../../shared/console-api/index.ts';
import type { Loadable } from '../api/useConsoleValue.ts';
import { formatDuration } from '../format/duration.ts';
import { relativeAge } from '../format/relative-age.ts';
import { useNow } from '../app/useNow.ts';
import { ReadFailed } from '../components/ReadFailed.tsx';
import { QueueAlertsBanner } from './QueueAlertsBanner.tsx';
import { QueueFlags } from './QueueFlags.tsx';
import { queueHref } from './queue-route.ts';

const number = (value: number) => value.toLocaleString('en-US');
const rate = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Every queue, most troubled first: which one is backing up, since when, and whether it fails. */
export function QueuesOverview({ overview }: { overview: Loadable<{ queues: QueueSummary[] }> }) {
  const now = useNow(5_000);
  if (overview.status === 'loading') return <Loader aria-label="Loading queues" />;
  if (overview.status === 'error') return <ReadFailed title="The queues could not be read" failure={overview} />;
  const { queues } = overview.value;
  const newest = queues.reduce<string | null>((latest, queue) => (latest === null || queue.sampledAt > latest ? queue.sampledAt : latest), null);
  return (
    <>
      <QueueAlertsBanner />
      {newest !== null && (
        <Text size="xs" c="dimmed" data-testid="queues-sampled">
          Sampled {relativeAge(newest, now)}
        </Text>
      )}
      <Table.ScrollContainer minWidth={1000}>
        <Table highlightOnHover verticalSpacing={6} data-testid="queues-overview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Queue</Table.Th>
              <Table.Th ta="right">Waiting</Table.Th>
              <Table.Th w={130}>Depth, last hour</Table.Th>
              <Table.Th ta="right">Active</Table.Th>
              <Table.Th ta="right">Delayed</Table.Th>
              <Table.Th ta="right">Failed</Table.Th>
              <Table.Th ta="right">Workers</Table.Th>
              <Table.Th ta="right">Done / min</Table.Th>
              <Table.Th ta="right">Failed / min</Table.Th>
              <Table.Th ta="right">Oldest waiting</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queues.map((queue) => (
              <QueueRow key={queue.name} queue={queue} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function QueueRow({ queue }: { queue: QueueSummary }) {
  const growth = queue.depthGrowth === 0 ? null : `${queue.depthGrowth > 0 ? '+' : ''}${number(queue.depthGrowth)} in 15 min`;
  return (
    <Table.Tr data-testid="queue-row" data-queue={queue.name}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor href={queueHref(queue.name)} fw={600} size="sm">
            {queue.name}
          </Anchor>
          <QueueFlags flags={queue.flags} unknownWorkers={queue.workers === null} />
        </Group>
      </Table.Td>
      <Table.Td ta="right" ff="monospace">
        <Tooltip label={growth ?? 'no change in 15 min'} openDelay={300}>
          <span data-testid="queue-waiting">
            {number(queue.counts.waiting)}
            {queue.depthGrowth > 0 && (
              <Text span c="orange" size="xs" ml={4}>
                ▲
              </Text>
            )}
          </span>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        {queue.sparkline.length > 1 ? (
          // A picture with a name, not a control: inert keeps recharts from making its svg a tab stop.
          <div role="img" aria-label={`Waiting jobs over the last hour: ${queue.sparkline.at(0)} to ${queue.sparkline.at(-1)}`}>
            <Sparkline inert h={28} w={120} data={queue.sparkline} curveType="linear" color={queue.depthGrowth > 0 ? 'orange' : 'blue'} fillOpacity={0.3} strokeWidth={1.5} />
          </div>
        ) : (
          <Text size="xs" c="dimmed">
            no samples
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" ff="monospace">
        {number(queue.counts.active)}
      </Table.Td>
      <Table.Td ta="right" ff="monospace">
        {number(queue.counts.delayed)}
      </Table.Td>
      <Table.Td ta="right" ff="monospace">
        {number(queue.counts.failed)}
      </Table.Td>
      <Table.Td ta="right" ff="monospace" c={queue.workers === 0 ? 'red' : undefined}>
        {queue.workers === null ? '?' : number(queue.workers)}
      </Table.Td>
      <Table.Td ta="right" ff="monospace">
        {rate(queue.completedPerMin)}
      </Table.Td>
      <Table.Td ta="right" ff="monospace" c={queue.flags.includes('failing') ? 'red' : undefined}>
        {rate(queue.failedPerMin)}
        <Text span size="xs" c="dimmed" ml={4}>
          ({Math.round(queue.failureRate * 100)}%)
        </Text>
      </Table.Td>
      <Table.Td ta="right" ff="monospace" c={queue.flags.includes('old-waiting') ? 'orange' : undefined}>
        {queue.oldestWaitingAgeMs === null ? '—' : formatDuration(queue.oldestWaitingAgeMs)}
      </Table.Td>
    </Table.Tr>
  );
}
