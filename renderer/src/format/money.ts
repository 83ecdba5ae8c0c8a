/**
 * Money as the Ops API sends it, integer minor units plus an ISO 4217 currency, formatted in
 * the user's locale with the currency's own number of decimals (JPY has none, KWD three).
 */
export function formatMoney(minorUnits: number, currency: string, options: { compact?: boolean; locale?: string } = {}): string {
  const code = currency.toUpperCase();
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  const amount = minorUnits / 10 ** digits;
  return new Intl.NumberFormat(options.locale, {
    style: 'currency',
    currency: code,
    ...(options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  }).format(amount);
}
