import { Box, Stack, Text } from '@mantine/core';
import { AreaChart, LineChart } from '@mantine/charts';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import type { QueueHistoryPoint, TimeDisplay } from '../../../shared/console-api/index.ts';
import { formatTimestamp } from '../format/timestamp.ts';

interface Props {
  points: QueueHistoryPoint[];
  stepMs: number;
  timeDisplay: TimeDisplay;
  /** A dragged range, to zoom into. */
  onZoom(from: number, to: number): void;
}

const dayMs = 86_400_000;

/** Depth stacked by state, throughput and failures per minute, and the oldest waiting job's age; drag across any to zoom. */
export const QueueCharts = memo(function QueueCharts({ points, stepMs, timeDisplay, onZoom }: Props) {
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const span = points.length > 1 ? points.at(-1)!.at - points[0]!.at : 0;
  const label = (at: unknown) => {
    if (!Number.isFinite(Number(at))) return '';
    const text = formatTimestamp(new Date(Number(at)).toISOString(), timeDisplay);
    return span > dayMs ? text.slice(5, 16) : text.slice(11, 16);
  };
  const data = useMemo(() => points.map((point) => ({ ...point, oldestWaitingMin: point.oldestWaitingAgeMs === null ? null : Math.round(point.oldestWaitingAgeMs / 6_000) / 10 })), [points]);
  // The depth chart draws first; the two below follow in a render of their own, so the one an
  // engineer reads first is not kept waiting for them.
  const later = useDeferredValue(data, null);
  const zoomProps = {
    onMouseDown: (event: { activeLabel?: string | number }) => event.activeLabel !== undefined && setDrag({ from: Number(event.activeLabel), to: Number(event.activeLabel) }),
    onMouseMove: (event: { activeLabel?: string | number }) => drag !== null && event.activeLabel !== undefined && setDrag({ ...drag, to: Number(event.activeLabel) }),
    onMouseUp: () => {
      if (drag !== null && Math.abs(drag.to - drag.from) >= stepMs) onZoom(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to) + stepMs);
      setDrag(null);
    },
  };
  const shared = {
    data,
    dataKey: 'at',
    withDots: false,
    curveType: 'linear' as const,
    xAxisProps: { tickFormatter: label, minTickGap: 60 },
    tooltipProps: { labelFormatter: (at: unknown) => (Number.isFinite(Number(at)) ? formatTimestamp(new Date(Number(at)).toISOString(), timeDisplay) : '') },
    referenceAreas: drag === null ? [] : [{ x1: drag.from, x2: drag.to, fill: 'var(--mantine-color-blue-light)', fillOpacity: 0.5 }],
    strokeWidth: 1.5,
  };
  // Charts that animate redraw for a second after every sample; the data is the point here.
  const still = { isAnimationActive: false };

  return (
    <Stack gap="md">
      <ChartBlock title="Jobs by state" testId="queue-depth-chart">
        <AreaChart {...shared} h={220} type="stacked" withLegend valueFormatter={(value) => Math.round(value).toLocaleString('en-US')}
          series={[
            { name: 'waiting', color: 'orange.6' },
            { name: 'active', color: 'blue.6' },
            { name: 'delayed', color: 'grape.5' },
            { name: 'failed', color: 'red.6' },
          ]}
          areaChartProps={zoomProps}
          areaProps={still}
          fillOpacity={0.35}
        />
      </ChartBlock>
      <ChartBlock title="Finished per minute" testId="queue-rate-chart">
        {later === null ? <Box h={150} /> : <LineChart {...shared} data={later} h={150} withLegend valueFormatter={(value) => value.toLocaleString('en-US', { maximumFractionDigits: 1 })}
          series={[
            { name: 'completedPerMin', label: 'completed / min', color: 'teal.6' },
            { name: 'failedPerMin', label: 'failed / min', color: 'red.6' },
          ]}
          lineChartProps={zoomProps}
          lineProps={still}
        />}
      </ChartBlock>
      <ChartBlock title="Oldest waiting job (minutes)" testId="queue-age-chart">
        {later === null ? <Box h={120} /> : <LineChart {...shared} data={later} h={120} connectNulls={false} valueFormatter={(value) => `${value.toLocaleString('en-US')} min`}
          series={[{ name: 'oldestWaitingMin', label: 'oldest waiting', color: 'orange.7' }]}
          lineChartProps={zoomProps}
          lineProps={still}
        />}
      </ChartBlock>
    </Stack>
  );
});

function ChartBlock({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Box data-testid={testId}>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      {children}
    </Box>
  );
}
