export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

export const iso = (ms: number): string => new Date(ms).toISOString();

/** 'YYYY-MM' of a time. */
export const monthOf = (ms: number): string => iso(ms).slice(0, 7);

/** Start of the month `offset` months from the month of `ms` (UTC). */
export function monthStart(ms: number, offset = 0): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1);
}
