const relative = /^(\d+)(m|h|d|w)$/;
const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const absolute = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A time value of after:/before: as epoch ms, or null when it is not one. Dates and date-times
 * without a zone are UTC, as every time Opsdeck stores; relative values count back from `now`.
 */
export function resolveTimeValue(value: string, now: number): number | null {
  const ago = relative.exec(value);
  if (ago) return now - Number(ago[1]) * unitMs[ago[2] as keyof typeof unitMs];
  const match = absolute.exec(value);
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  const time = match[4] ?? 'T00:00';
  const ms = Date.parse(`${match[1]}-${match[2]}-${match[3]}${time}${match[7] ? '' : 'Z'}`);
  return Number.isNaN(ms) ? null : ms;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
