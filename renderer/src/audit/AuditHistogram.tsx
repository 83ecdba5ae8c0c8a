import { Box } from '@mantine/core';
import { memo, useEffect, useState } from 'react';
import { Bar, BarChart, Brush, ResponsiveContainer, Tooltip, XAxis } from 'recharts';
import type { AuditHistogram as Histogram, TimeDisplay } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useStableCallback } from '../components/useStableCallback.ts';
import { useAuditSource } from './AuditSourceContext.tsx';
import { useSettingsValue } from '../app/SettingsContext.tsx';
import { formatTimestamp } from '../format/timestamp.ts';

interface Props {
  /** null until the rows of the first query are in: the search goes first. */
  q: string | null;
  version: number;
  /** A brushed range, as ISO times. */
  onRange(from: string, to: string): void;
}

/** How the query's events spread over time; brush to narrow the range. */
function AuditHistogramView({ q, version, onRange }: Props) {
  const { api } = useConsole();
  const source = useAuditSource();
  const { settings } = useSettingsValue();
  const [histogram, setHistogram] = useState<Histogram | null>(null);
  useEffect(() => {
    if (q === null) return;
    let live = true;
    api['audit/histogram']({ q, source, buckets: 120 }).then((answer) => live && setHistogram(answer), () => live && setHistogram(null));
    return () => {
      live = false;
    };
  }, [api, q, version, source]);
  // The chart redraws only when its data comes: a new query's callback must not redraw it
  // while the rows of that query are being painted.
  const brushed = useStableCallback(onRange);

  if (histogram === null || histogram.buckets.length === 0) return <Box h={96} />;
  return <HistogramChart histogram={histogram} timeDisplay={settings.timeDisplay} onRange={brushed} />;
}

const HistogramChart = memo(function HistogramChart({ histogram, timeDisplay, onRange }: { histogram: Histogram; timeDisplay: TimeDisplay; onRange: Props['onRange'] }) {
  const data = histogram.buckets.map((bucket) => ({ at: bucket.at, count: bucket.count }));
  const label = (at: number) => formatTimestamp(new Date(at).toISOString(), timeDisplay).slice(0, 16);
  return (
    <Box h={96} data-testid="audit-histogram">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, left: 8, bottom: 0 }}>
          <XAxis dataKey="at" tickFormatter={label} fontSize={10} minTickGap={80} stroke="var(--mantine-color-dimmed)" />
          <Tooltip labelFormatter={(at) => label(Number(at))} formatter={(count) => [Number(count).toLocaleString(), 'events']} />
          <Bar dataKey="count" fill="var(--mantine-primary-color-filled)" isAnimationActive={false} />
          <Brush
            dataKey="at"
            height={14}
            travellerWidth={8}
            tickFormatter={label}
            stroke="var(--mantine-primary-color-filled)"
            onDragEnd={(range) => {
              const { startIndex, endIndex } = range as { startIndex?: number; endIndex?: number };
              if (startIndex === undefined || endIndex === undefined) return;
              onRange(new Date(data[startIndex]!.at).toISOString(), new Date(data[endIndex]!.at + histogram.bucketMs).toISOString());
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
});

// Memoized: the view re-renders on every keystroke, this only when its own inputs change.
export const AuditHistogram = memo(AuditHistogramView);
