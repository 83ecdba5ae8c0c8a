/** Calendar months as the Ops API writes them, 'YYYY-MM', in UTC. */

/** The month `offset` months from `month`. */
export function addMonths(month: string, offset: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, index - 1 + offset, 1)).toISOString().slice(0, 7);
}

/** Every month from `from` to `to`, both included. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The month of a time in epoch milliseconds. */
export const monthOfTime = (ms: number): string => new Date(ms).toISOString().slice(0, 7);
