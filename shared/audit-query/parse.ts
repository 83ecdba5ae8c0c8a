import type { AuditQuery, FieldFilter, ParseResult, QueryError, QueryField } from './ast.ts';
import { isQueryField, outcomes, queryFields } from './fields.ts';
import { parseIpValue } from './ip-value.ts';
import { closest } from './suggest.ts';
import { resolveTimeValue } from './time-value.ts';

class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly length: number,
  ) {
    super(message);
  }
}

/**
 * Parses the audit query language: free words and "quoted phrases", `field:value` filters
 * (`field:a,b` for either), and `-` to negate either. Errors name the 1-based column.
 */
export function parseAuditQuery(input: string): ParseResult {
  try {
    return { ok: true, query: parseTerms(input) };
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    const failure: QueryError = { message: error.message, position: error.position, length: error.length };
    return { ok: false, error: failure };
  }
}

function parseTerms(input: string): AuditQuery {
  const query: AuditQuery = { terms: [], filters: [] };
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const negated = input[i] === '-';
    if (negated) i++;
    if (i >= input.length || /\s/.test(input[i]!)) throw new QuerySyntaxError(`'-' at ${start + 1} must be followed by a field or a word`, start + 1, 1);

    if (input[i] === '"') {
      const { text, end } = readQuoted(input, i);
      if (text.trim() === '') throw new QuerySyntaxError(`empty quotes at ${i + 1}`, i + 1, end - i);
      query.terms.push({ text, phrase: true, negated });
      i = end;
      continue;
    }

    const field = /^([A-Za-z][A-Za-z_]*):/.exec(input.slice(i));
    if (field) {
      const name = field[1]!;
      const valueStart = i + name.length + 1;
      if (!isQueryField(name.toLowerCase())) throw unknownField(name, i + 1);
      const { text, end } = input[valueStart] === '"' ? readQuoted(input, valueStart) : readBare(input, valueStart);
      query.filters.push(checkedFilter(name.toLowerCase() as QueryField, text, negated, start + 1, end - start));
      i = end;
      continue;
    }

    const { text, end } = readBare(input, i);
    query.terms.push({ text, phrase: false, negated });
    i = end;
  }
  return query;
}

function readQuoted(input: string, openAt: number): { text: string; end: number } {
  const close = input.indexOf('"', openAt + 1);
  if (close === -1) throw new QuerySyntaxError(`unterminated quote at ${openAt + 1}`, openAt + 1, input.length - openAt);
  return { text: input.slice(openAt + 1, close), end: close + 1 };
}

function readBare(input: string, from: number): { text: string; end: number } {
  let end = from;
  while (end < input.length && !/\s/.test(input[end]!)) end++;
  return { text: input.slice(from, end), end };
}

function unknownField(name: string, position: number): QuerySyntaxError {
  const guess = closest(name, queryFields);
  const hint = guess ? `did you mean ${guess}?` : `fields are ${queryFields.join(', ')}; quote text that contains a colon`;
  return new QuerySyntaxError(`unknown field '${name}' at ${position} — ${hint}`, position, name.length + 1);
}

function checkedFilter(field: QueryField, text: string, negated: boolean, position: number, length: number): FieldFilter {
  if (text === '') throw new QuerySyntaxError(`'${field}:' at ${position} needs a value`, position, length);
  const values = text.split(',').map((value) => value.trim());
  if (values.some((value) => value === '')) throw new QuerySyntaxError(`empty alternative in '${field}:${text}' at ${position}`, position, length);
  if ((field === 'after' || field === 'before') && values.length > 1) {
    throw new QuerySyntaxError(`'${field}:' at ${position} takes one time, not a list`, position, length);
  }
  for (const value of values) checkValue(field, value, position, length);
  return { field, values, negated, position, length };
}

function checkValue(field: QueryField, value: string, position: number, length: number): void {
  const fail = (message: string) => new QuerySyntaxError(message, position, length);
  switch (field) {
    case 'outcome':
      if (!(outcomes as readonly string[]).includes(value)) throw fail(`unknown outcome '${value}' at ${position} — use success, failure or denied`);
      return;
    case 'after':
    case 'before':
      if (resolveTimeValue(value, 0) === null) {
        throw fail(`invalid time '${value}' for ${field}: at ${position} — use a date (2026-11-23), a date-time (2026-11-23T14:00Z) or a relative time (30m, 24h, 7d, 2w)`);
      }
      return;
    case 'ip':
      if (parseIpValue(value) === null) throw fail(`invalid IP address or CIDR range '${value}' at ${position}`);
      return;
    case 'action':
      if (value.slice(0, -1).includes('*')) throw fail(`misplaced '*' in action '${value}' at ${position} — a '*' may only end it, as in action:invoice.*`);
      return;
    default:
      return;
  }
}
