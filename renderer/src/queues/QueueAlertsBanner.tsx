import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useNow } from '../app/useNow.ts';
import { relativeAge } from '../format/relative-age.ts';
import { queueHref } from './queue-route.ts';
import { useQueueAlerts } from './useQueueAlerts.ts';

/** The open queue alerts, and the latest recovery, above the overview; offers browser notifications where they are off. */
export function QueueAlertsBanner() {
  const alerts = useQueueAlerts();
  const now = useNow(15_000);
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'denied' : Notification.permission));
  if (alerts.status !== 'ready') return null;
  const { open, latest } = alerts.value;
  const ask =
    permission === 'default' ? (
      <Button size="xs" variant="subtle" leftSection={<IconBell size={14} />} onClick={() => void Notification.requestPermission().then(setPermission)}>
        Notify me in this browser
      </Button>
    ) : null;
  if (open.length === 0) {
    return (
      <Group justify="space-between" data-testid="queue-alerts">
        <Text size="sm" c="dimmed">
          {latest?.state === 'recovered' ? `${latest.message} (${relativeAge(latest.at, now)})` : 'No queue is past its alert thresholds.'}
        </Text>
        {ask}
      </Group>
    );
  }
  return (
    <Alert color="orange" title={`${open.length} queue ${open.length === 1 ? 'alert' : 'alerts'}`} data-testid="queue-alerts">
      <List size="sm" spacing={2}>
        {open.map((alert) => (
          <List.Item key={`${alert.queue} ${alert.kind}`}>
            <Anchor href={queueHref(alert.queue)} size="sm">
              {alert.message}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              since {relativeAge(alert.since, now)}
            </Text>
          </List.Item>
        ))}
      </List>
      {ask}
    </Alert>
  );
}
