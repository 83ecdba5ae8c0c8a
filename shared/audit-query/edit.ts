import type { QueryField } from './ast.ts';
import { parseAuditQuery } from './parse.ts';

/** A value as the query language needs it written: quoted when it holds white space or a quote. */
export function quoteValue(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replaceAll('"', '')}"` : value;
}

/** The query with one more `field:value` (or `-field:value`) filter at its end. */
export function addFilter(query: string, field: QueryField, value: string, negated = false): string {
  const filter = `${negated ? '-' : ''}${field}:${quoteValue(value)}`;
  return query.trim() === '' ? filter : `${query.trim()} ${filter}`;
}

/** The query with its after:/before: filters replaced by the given range (ISO times). */
export function withTimeRange(query: string, from: string | null, to: string | null): string {
  const parsed = parseAuditQuery(query);
  let next = query;
  if (parsed.ok) {
    // Cut from the end so earlier positions stay valid.
    const timeFilters = parsed.query.filters.filter((filter) => filter.field === 'after' || filter.field === 'before').reverse();
    for (const { position, length } of timeFilters) next = `${next.slice(0, position - 1).trimEnd()} ${next.slice(position - 1 + length).trimStart()}`.trim();
  }
  if (from !== null) next = addFilter(next, 'after', from);
  if (to !== null) next = addFilter(next, 'before', to);
  return next;
}
