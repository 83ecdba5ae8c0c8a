import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useNow } from '../app/useNow.ts';
import { relativeAge } from '../format/relative-age.ts';
import { queueHref } from '../queues/queue-route.ts';
import { useQueueAlerts } from '../queues/useQueueAlerts.ts';
import { AllClear, GlanceCard } from './GlanceCard.tsx';

const shown = 5;

/** Queues past one of their thresholds now, longest first. */
export function QueueAlertsCard() {
  const now = useNow();
  const alerts = useQueueAlerts();
  const open = alerts.status === 'ready' ? [...alerts.value.open].sort((a, b) => a.since.localeCompare(b.since)) : [];
  return (
    <GlanceCard title="Queues in alert" count={open.length} countColor="orange" more={{ href: queueHref(null), label: 'All queues' }} testId="home-queue-alerts">
      {open.length === 0 ? (
        <AllClear>{alerts.status === 'ready' ? 'No queue is past its thresholds.' : 'Reading queue alerts…'}</AllClear>
      ) : (
        <Stack gap={6}>
          {open.slice(0, shown).map((alert) => (
            <Group key={`${alert.queue}-${alert.kind}`} justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} miw={0}>
                <Anchor href={queueHref(alert.queue)} size="sm" fw={600} truncate>
                  {alert.queue}
                </Anchor>
                <Text size="xs" c="dimmed" truncate>
                  {alert.message}
                </Text>
              </Stack>
              <Text size="xs" c="orange" style={{ whiteSpace: 'nowrap' }}>
                since {relativeAge(alert.since, now).replace(' ago', '')}
              </Text>
            </Group>
          ))}
          {open.length > shown && (
            <Text size="xs" c="dimmed">
              and {open.length - shown} more
            </Text>
          )}
        </Stack>
      )}
    </GlanceCard>
  );
}
