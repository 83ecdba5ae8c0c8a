import type { TimeDisplay } from '../../../shared/console-api/index.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-23 17:42:54.123" in local time or UTC (suffixed "UTC"). */
export function formatTimestamp(iso: string, display: TimeDisplay): string {
  const date = new Date(iso);
  if (display === 'utc') {
    return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)} UTC`;
  }
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
