import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { metricDefinitions } from './metric-definitions.ts';
import type { MetricId } from './metric-definitions.ts';

/** A figure's name with an info icon that shows its ChartMogul definition on hover or keyboard focus. */
export function DefinedLabel({ metric, children, size = 'xs' }: { metric: MetricId; children: React.ReactNode; size?: 'xs' | 'sm' }) {
  return (
    <Group gap={2} wrap="nowrap">
      <Text size={size} c={size === 'xs' ? 'dimmed' : undefined} fw={size === 'sm' ? 600 : undefined}>
        {children}
      </Text>
      <Tooltip label={metricDefinitions[metric]} multiline maw={340} withArrow events={{ hover: true, focus: true, touch: true }}>
        <ActionIcon variant="subtle" color="gray" size="xs" aria-label={`What is ${typeof children === 'string' ? children : metric}?`} data-testid={`definition-${metric}`}>
          <IconInfoCircle size={13} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
