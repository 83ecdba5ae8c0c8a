import type { QueueSpec } from './queue-catalog.ts';
import { hourMs, minuteMs } from './time.ts';

export interface QueueLoad {
  waiting: number;
  completed_per_min: number;
  failed_per_min: number;
}

/** Busier by day (UTC) than by night. */
function diurnal(at: number): number {
  const hour = (at / hourMs) % 24;
  return 0.55 + 0.45 * Math.sin((2 * Math.PI * (hour - 9)) / 24);
}

/** Daily send bursts (newsletters at 08:00, digests at 06:00 UTC) that back up and drain. */
function burst(spec: QueueSpec, at: number): number {
  const peaks: Record<string, [hour: number, size: number]> = { 'email-sending:low': [8, 9_000], 'email-sending': [6, 4_000], 'report-generation': [7, 120] };
  const peak = peaks[spec.name];
  if (peak === undefined) return 0;
  const minutesSince = (((at - peak[0] * hourMs) % (24 * hourMs)) + 24 * hourMs) % (24 * hourMs) / minuteMs;
  return minutesSince < 180 ? peak[1] * Math.exp(-minutesSince / 30) : 0;
}

/** The modelled load of a queue at a moment; `noise` in [0, 1) adds jitter. */
export function queueLoadAt(spec: QueueSpec, at: number, noise: number): QueueLoad {
  const completed = spec.rate_per_min * diurnal(at) * (0.9 + 0.2 * noise);
  const backlog = burst(spec, at);
  return {
    waiting: Math.round(completed * 0.2 * (1 + noise) + backlog),
    completed_per_min: Math.round(completed * 10) / 10,
    failed_per_min: Math.round(completed * 0.004 * (1 + 4 * noise * noise) * 10) / 10,
  };
}
