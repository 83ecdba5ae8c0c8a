import { Button, Popover, Text } from '@mantine/core';
import { IconBellCog } from '@tabler/icons-react';
import { useState } from 'react';
import type { QueueThresholds } from '../../../shared/console-api/index.ts';
import { useSettingsValue } from '../app/SettingsContext.tsx';
import { ThresholdsForm } from './ThresholdsForm.tsx';

/** One queue's alert thresholds, over the defaults set in Settings. */
export function QueueThresholdsButton({ queue }: { queue: string }) {
  const { settings, update } = useSettingsValue();
  const [opened, setOpened] = useState(false);
  const { defaults, perQueue } = settings.queueAlerts;
  const save = async (next: Partial<QueueThresholds>) => {
    const own = Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined));
    const { [queue]: _replaced, ...others } = perQueue;
    await update({ queueAlerts: { defaults, perQueue: Object.keys(own).length === 0 ? others : { ...others, [queue]: own } } });
    setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} width={280} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconBellCog size={14} />} onClick={() => setOpened((open) => !open)} data-testid="queue-thresholds">
          Alerts
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb="xs">
          Alert when {queue}…
        </Text>
        <ThresholdsForm value={perQueue[queue] ?? {}} defaults={defaults} onSave={save} saveLabel="Save for this queue" />
      </Popover.Dropdown>
    </Popover>
  );
}
