/** 'Dec 2026' (long) or 'Dec 26' (for chart axes) of a 'YYYY-MM' month. */
export function formatMonth(month: string, short = false): string {
  return new Date(`${month}-01T00:00:00.000Z`).toLocaleDateString(undefined, { month: 'short', year: short ? '2-digit' : 'numeric', timeZone: 'UTC' });
}

/** A rate as a percentage with one decimal, e.g. '4.2 %'; '—' where there is none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

/** A quick ratio, e.g. '2.5×'. */
export function formatRatio(ratio: number): string {
  return `${ratio.toLocaleString(undefined, { maximumFractionDigits: 2 })}×`;
}
