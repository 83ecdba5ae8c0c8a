const relative = /^(\d+)(m|h|d|w)$/;
const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const absolute = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
/** The furthest a Date reaches either side of 1970 (ECMA-262 time values). */
const maxTimeMs = 8.64e15;

/**
 * A time value of after:/before: as epoch ms, or null when it is not one. Dates and date-times
 * without a zone are UTC, as every time Opsdeck stores; relative values count back from `now`.
 */
export function resolveTimeValue(value: string, now: number): number | null {
  const ago = relative.exec(value);
  if (ago) return withinDateRange(now - Number(ago[1]) * unitMs[ago[2] as keyof typeof unitMs]);
  const match = absolute.exec(value);
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  const time = match[4] ?? 'T00:00';
  const ms = Date.parse(`${match[1]}-${match[2]}-${match[3]}${time}${match[7] ? '' : 'Z'}`);
  return Number.isNaN(ms) ? null : ms;
}

/** A time a Date can hold (15 million weeks ago cannot), else null. */
function withinDateRange(ms: number): number | null {
  return Math.abs(ms) <= maxTimeMs ? ms : null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  // Not Date.UTC, which reads a year below 100 as 19xx.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
