import { Alert, Anchor, Button, Group, Loader, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconZoomReset } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { QueueSummary } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useCachedQuery } from '../api/useCachedQuery.ts';
import { useSettingsValue } from '../app/SettingsContext.tsx';
import { useNow } from '../app/useNow.ts';
import { relativeAge } from '../format/relative-age.ts';
import { CopyLinkButton } from '../components/CopyLinkButton.tsx';
import { FailureGroups } from './FailureGroups.tsx';
import { LiveJobs } from './LiveJobs.tsx';
import { QueueActionButton, ReadOnlyNote } from './QueueActionsContext.tsx';
import { QueueCharts } from './QueueCharts.tsx';
import { QueueFlags } from './QueueFlags.tsx';
import { QueueThresholdsButton } from './QueueThresholdsButton.tsx';
import { queueHref } from './queue-route.ts';

const minute = 60_000;
const ranges = [
  { value: '15m', label: '15 min', ms: 15 * minute },
  { value: '1h', label: '1 h', ms: 60 * minute },
  { value: '6h', label: '6 h', ms: 360 * minute },
  { value: '24h', label: '24 h', ms: 1_440 * minute },
  { value: '7d', label: '7 d', ms: 7 * 1_440 * minute },
  { value: '30d', label: '30 d', ms: 30 * 1_440 * minute },
  { value: '90d', label: '90 d', ms: 90 * 1_440 * minute },
];
const queueResources = ['queues'] as const;
/** The range last chosen stays for the next queue opened, this session. */
const rangeStorageKey = 'opsdeck.queue-detail.range';
const rememberedRange = () => {
  const stored = sessionStorage.getItem(rangeStorageKey);
  return ranges.some((candidate) => candidate.value === stored) ? stored! : '1h';
};
const liveStates = ['waiting', 'active', 'delayed', 'completed'] as const;

/** One queue: its counts over a chosen range from the cached samples, and its failures grouped by reason. */
export function QueueDetail({ name, summary }: { name: string; summary: QueueSummary | null }) {
  const { api } = useConsole();
  const { settings } = useSettingsValue();
  const now = useNow(5_000);
  const [range, setRange] = useState(rememberedRange);
  const [zoom, setZoom] = useState<{ from: number; to: number } | null>(null);
  // The cached history ends at the latest sample: offline, the chart shows what was cached then.
  // The range read is half-open, [from, to): it ends just after the latest sample, to include it.
  const end = summary === null ? now : Math.max(Date.parse(summary.sampledAt) + 1, now - minute);
  const span = ranges.find((candidate) => candidate.value === range)!.ms;
  const [from, to] = zoom === null ? [end - span, end] : [zoom.from, zoom.to];
  const key = `${name} ${zoom === null ? `${range} ${Math.floor(end / 10_000)}` : `${zoom.from}-${zoom.to}`}`;
  // About one point per 5 px of chart: more would not show, and each costs SVG to draw.
  const history = useCachedQuery(() => api['queues/history']({ queue: name, from, to, points: 200 }), queueResources, key);
  const onZoom = useCallback((zoomFrom: number, zoomTo: number) => setZoom({ from: zoomFrom, to: zoomTo }), []);

  return (
    <Stack gap="md" data-testid="queue-detail">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Anchor href={queueHref(null)} aria-label="All queues">
            <IconArrowLeft size={18} />
          </Anchor>
          <Title order={3} ff="monospace">
            {name}
          </Title>
          {summary !== null && <QueueFlags flags={summary.flags} unknownWorkers={summary.workers === null} />}
        </Group>
        {summary !== null && (
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" title={summary.sampledAt}>
              Latest sample {relativeAge(summary.sampledAt, now)}
            </Text>
            <CopyLinkButton target={{ kind: 'queue', name }} />
            <QueueThresholdsButton queue={name} />
            <ReadOnlyNote />
            <QueueActionButton
              label={summary.paused ? 'Resume' : 'Pause'}
              testId="queue-pause-toggle"
              build={async () => ({ kind: summary.paused ? 'resume' : 'pause', queue: name })}
            />
            {summary.counts.failed > 0 && (
              <QueueActionButton label="Retry all failed" color="orange" testId="queue-retry-all" build={async () => ({ kind: 'retry-all-failed', queue: name, shown: summary.counts.failed })} />
            )}
          </Group>
        )}
      </Group>
      <Group gap="sm">
        <SegmentedControl size="xs" data={ranges.map(({ value, label }) => ({ value, label }))} value={zoom === null ? range : ''} onChange={(value) => { setZoom(null); setRange(value); sessionStorage.setItem(rangeStorageKey, value); }} aria-label="Time range" />
        {zoom !== null && (
          <Button size="xs" variant="subtle" leftSection={<IconZoomReset size={14} />} onClick={() => setZoom(null)}>
            Reset zoom
          </Button>
        )}
        <Text size="xs" c="dimmed">
          Drag across a chart to zoom in.
        </Text>
      </Group>
      {history.status === 'loading' && <Loader size="sm" aria-label="Loading the queue's history" />}
      {history.status === 'error' && (
        <Alert color="red" title="The history could not be read">
          {history.message}
        </Alert>
      )}
      {history.status === 'ready' &&
        (history.value.points.length < 2 ? (
          <Text c="dimmed" size="sm">
            {history.value.points.length === 0 ? 'No samples cached for this range.' : 'One sample so far: the charts start with the next one (samples are taken every 10 s while Opsdeck runs).'}
          </Text>
        ) : (
          <QueueCharts points={history.value.points} stepMs={history.value.stepMs} timeDisplay={settings.timeDisplay} onZoom={onZoom} />
        ))}
      <Tabs defaultValue="failed" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="failed">Failed</Tabs.Tab>
          {liveStates.map((state) => (
            <Tabs.Tab key={state} value={state}>
              {state[0]!.toUpperCase() + state.slice(1)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="failed" pt="sm">
          <FailureGroups queue={name} />
        </Tabs.Panel>
        {liveStates.map((state) => (
          <Tabs.Panel key={state} value={state} pt="sm">
            <LiveJobs queue={name} state={state} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
