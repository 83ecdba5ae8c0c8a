import { formatDuration } from '../format/duration.ts';

/** "420 ms", "4.2 s", "3 min": a latency or a run's duration, finer than formatDuration under a minute. */
export function formatLatency(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
  return formatDuration(ms);
}
