import { queryFields } from '../../../shared/audit-query/index.ts';

export interface TokenAtCaret {
  start: number;
  end: number;
  negated: boolean;
  /** The field being given a value, or null while a field name (or a word) is typed. */
  field: string | null;
  /** What is typed so far of the field name or the value. */
  prefix: string;
}

/** The token the caret is in, split into field and value the way the query language reads it. */
export function tokenAtCaret(text: string, caret: number): TokenAtCaret | null {
  let start = caret;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  let end = caret;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  const token = text.slice(start, caret);
  if (token.includes('"')) return null;
  const negated = token.startsWith('-');
  const body = negated ? token.slice(1) : token;
  const colon = body.indexOf(':');
  if (colon === -1) return { start, end, negated, field: null, prefix: body };
  return { start, end, negated, field: body.slice(0, colon).toLowerCase(), prefix: body.slice(colon + 1) };
}

export function fieldCompletions(prefix: string): string[] {
  if (prefix === '') return [];
  return queryFields.filter((field) => field.startsWith(prefix.toLowerCase()) && field !== prefix).map((field) => `${field}:`);
}

/** The text with the token replaced by `completion`, and where the caret goes. */
export function applyCompletion(text: string, token: TokenAtCaret, completion: string): { text: string; caret: number } {
  const replacement = `${token.negated ? '-' : ''}${token.field === null ? completion : `${token.field}:${completion}`}`;
  const suffix = completion.endsWith(':') ? '' : ' ';
  const next = text.slice(0, token.start) + replacement + suffix + text.slice(token.end).replace(/^\s+/, '');
  return { text: next, caret: token.start + replacement.length + suffix.length };
}
