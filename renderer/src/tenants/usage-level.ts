/** How close a use is to its limit: amber from 80 %, red past the limit. */
export type UsageLevel = 'ok' | 'near' | 'over';

export function usageLevel(used: number, limit: number | null): UsageLevel {
  if (limit === null) return 'ok';
  if (used > limit) return 'over';
  return limit > 0 && used >= 0.8 * limit ? 'near' : 'ok';
}

export const usageLevelColors: Record<UsageLevel, string> = { ok: 'blue', near: 'yellow', over: 'red' };

const metricLabels: Record<string, string> = { api_calls: 'API calls', storage_gb: 'Storage (GB)', reports_generated: 'Reports generated', seats: 'Seats' };

/** A usage metric's name for people: "api_calls" → "API calls". */
export function metricLabel(metric: string): string {
  const known = metricLabels[metric];
  if (known !== undefined) return known;
  const words = metric.replace(/[_.-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
