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
  const kept = parsed.ok ? withoutFields(query, parsed.query.filters.filter((f) => f.field === 'after' || f.field === 'before').map((f) => f.position)) : query;
  let next = kept;
  if (from !== null) next = addFilter(next, 'after', from);
  if (to !== null) next = addFilter(next, 'before', to);
  return next;
}

/** Removes the terms that start at the given 1-based positions. */
function withoutFields(query: string, positions: number[]): string {
  const starts = new Set(positions.map((position) => position - 1));
  const kept: string[] = [];
  let i = 0;
  while (i < query.length) {
    if (/\s/.test(query[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let inQuote = false;
    while (i < query.length && (inQuote || !/\s/.test(query[i]!))) {
      if (query[i] === '"') inQuote = !inQuote;
      i++;
    }
    if (!starts.has(start)) kept.push(query.slice(start, i));
  }
  return kept.join(' ');
}
