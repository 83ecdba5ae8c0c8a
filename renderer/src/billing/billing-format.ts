/** 'Dec 2026' of a 'YYYY-MM' month (never 'Dec 26', which reads as a day). */
export function formatMonth(month: string): string {
  return new Date(`${month}-01T00:00:00.000Z`).toLocaleDateString(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A rate as a percentage with one decimal, e.g. '4.2 %'; '—' where there is none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

/** A quick ratio, e.g. '2.5×'. */
export function formatRatio(ratio: number): string {
  return `${ratio.toLocaleString(undefined, { maximumFractionDigits: 2 })}×`;
}
