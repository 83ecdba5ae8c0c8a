import { Box, Paper } from '@mantine/core';
import { DefinedLabel } from './DefinedLabel.tsx';
import type { MetricId } from './metric-definitions.ts';

/** A bordered card titled with a defined metric's name (its definition on hover). */
export function ChartCard({ metric, title, testId, children }: { metric: MetricId; title: string; testId: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Box mb="xs">
        <DefinedLabel metric={metric} size="sm">
          {title}
        </DefinedLabel>
      </Box>
      {children}
    </Paper>
  );
}
