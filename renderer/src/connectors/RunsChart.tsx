import { Stack, Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useMemo } from 'react';
import type { ConnectionRunRow, TimeDisplay } from '../../../shared/console-api/index.ts';
import { formatTimestamp } from '../format/timestamp.ts';

/** A connection's runs, oldest first: duration and records per run, a failed run's bars in red. */
export function RunsChart({ runs, timeDisplay }: { runs: ConnectionRunRow[]; timeDisplay: TimeDisplay }) {
  const data = useMemo(
    () =>
      [...runs].reverse().map((run) => {
        const failed = run.status === 'failed';
        const seconds = run.durationMs === null ? 0 : Math.round(run.durationMs / 100) / 10;
        return {
          // "12-03 14:05": month, day and time, in the chosen display.
          at: formatTimestamp(run.startedAt, timeDisplay).slice(5, 16),
          seconds: failed ? 0 : seconds,
          failedSeconds: failed ? seconds : 0,
          records: failed ? 0 : run.records,
          failedRecords: failed ? run.records : 0,
        };
      }),
    [runs, timeDisplay],
  );
  const shared = { data, dataKey: 'at', type: 'stacked' as const, barProps: { isAnimationActive: false }, xAxisProps: { minTickGap: 24 }, tooltipAnimationDuration: 0 };
  return (
    <Stack gap={4} data-testid="runs-chart">
      <Text size="xs" fw={600} c="dimmed">
        Duration · failed runs in red
      </Text>
      <BarChart {...shared} h={130} yAxisProps={{ width: 40 }} series={[{ name: 'seconds', label: 'succeeded', color: 'blue.6' }, { name: 'failedSeconds', label: 'failed', color: 'red.6' }]} valueFormatter={(value) => `${value.toLocaleString('en-US')} s`} />
      <Text size="xs" fw={600} c="dimmed">
        Records · failed runs in red
      </Text>
      <BarChart {...shared} h={130} yAxisProps={{ width: 48 }} series={[{ name: 'records', label: 'succeeded', color: 'teal.6' }, { name: 'failedRecords', label: 'failed', color: 'red.6' }]} valueFormatter={(value) => value.toLocaleString('en-US')} />
    </Stack>
  );
}
