/**
 * Money as the Ops API sends it, integer minor units plus an ISO 4217 currency, formatted in
 * the user's locale with the currency's own number of decimals (JPY has none, KWD three).
 */
export function formatMoney(minorUnits: number, currency: string, options: { compact?: boolean; locale?: string } = {}): string {
  const { format, digits } = formatterOf(currency.toUpperCase(), options.compact === true, options.locale);
  return format.format(minorUnits / 10 ** digits);
}

// An Intl.NumberFormat costs far more to make than to use, and a table formats a column of amounts per frame.
const formatters = new Map<string, { format: Intl.NumberFormat; digits: number }>();

function formatterOf(code: string, compact: boolean, locale: string | undefined): { format: Intl.NumberFormat; digits: number } {
  const key = `${code} ${compact} ${locale ?? ''}`;
  let made = formatters.get(key);
  if (made === undefined) {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency: code, ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}) });
    made = { format, digits };
    formatters.set(key, made);
  }
  return made;
}
