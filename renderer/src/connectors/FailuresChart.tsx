import { Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useMemo } from 'react';
import type { ConnectorFailuresByDay } from '../../../shared/console-api/index.ts';

/** Enough distinct colours for every connector of the demo; more than this share one for "other". */
const palette = ['red.6', 'orange.6', 'yellow.6', 'grape.6', 'blue.6', 'teal.6', 'pink.6', 'cyan.6', 'lime.7', 'indigo.5', 'violet.6'] as const;
const otherName = 'other connectors';

/** Failed sync runs per day, stacked by connector, the most failing connector at the bottom. */
export function FailuresChart({ failures }: { failures: ConnectorFailuresByDay }) {
  const { data, series } = useMemo(() => chartOf(failures), [failures]);
  if (failures.connectors.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="xl" ta="center" data-testid="failures-chart-empty">
        No failed sync runs in the cached history ({failures.days.length} days).
      </Text>
    );
  }
  return (
    <BarChart
      h={340}
      data={data}
      dataKey="day"
      type="stacked"
      series={series}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 56 }}
      xAxisProps={{ minTickGap: 16 }}
      yAxisProps={{ allowDecimals: false, width: 32 }}
      barProps={{ isAnimationActive: false }}
      tooltipAnimationDuration={0}
      data-testid="failures-chart"
    />
  );
}

function chartOf({ days, connectors }: ConnectorFailuresByDay) {
  const named = connectors.slice(0, palette.length);
  const rest = connectors.slice(palette.length);
  const series = [...named.map((connector, index) => ({ name: connector.name, color: palette[index]! })), ...(rest.length === 0 ? [] : [{ name: otherName, color: 'gray.6' }])];
  const data = days.map((day, index) => ({
    // "Dec 3": the days are UTC days.
    day: new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }),
    ...Object.fromEntries(named.map((connector) => [connector.name, connector.failures[index]!])),
    ...(rest.length === 0 ? {} : { [otherName]: rest.reduce((sum, connector) => sum + connector.failures[index]!, 0) }),
  }));
  return { data, series };
}
