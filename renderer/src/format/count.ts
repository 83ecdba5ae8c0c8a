// Number.prototype.toLocaleString makes a new formatter on every call; a table formats a column of numbers per frame.
const counts = new Intl.NumberFormat();

/** A count in the user's locale, e.g. 12,345. */
export const formatCount = (value: number): string => counts.format(value);
