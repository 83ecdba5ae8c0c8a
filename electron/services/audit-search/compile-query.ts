import type { AuditQuery, FieldFilter, TextTerm } from '../../../shared/audit-query/index.ts';
import { ipv4ToNumber, parseIpValue, resolveTimeValue } from '../../../shared/audit-query/index.ts';
import { tenantTextToken } from '../cache/index-audit-text.ts';

/** A WHERE clause over audit_events (alias-free) and its parameters. */
export interface CompiledQuery {
  where: string;
  /**
   * The same condition for reading newest first (ORDER BY seq … LIMIT): a filter the indexes
   * cannot answer in seq order (a prefix, alternatives, actor's two columns) is kept off its
   * index when it matches many events, so SQLite walks seq backwards and stops early instead
   * of sorting every match. Same params as `where`.
   */
  newestFirstWhere: string;
  params: Array<string | number>;
  /** Set when free text is the only condition: the FTS index alone can answer, newest first. */
  textOnly: string | null;
  /** Whether the text has no prefix query left, so FTS5 seeks in it by rowid range. */
  textIsExact: boolean;
}

type Sql = { sql: string; params: Array<string | number> };

export interface CompileContext {
  now: number;
  /** A tenant id for a tenant: value that may be a slug. */
  tenantId(value: string): string;
  /** Whether a condition matches so many events that walking seq beats its index. */
  isBroad?(condition: { sql: string; params: Array<string | number> }): boolean;
  /** Whether the full-text index holds a longer word that begins with `word`; unknown (absent), every bare word is a prefix query. */
  beginsLongerWords?(word: string): boolean;
}

/**
 * Turns a parsed query into SQL that the (column, seq) indexes and the FTS table can answer
 * newest-first without sorting. Time bounds become seq bounds (seq order is time order), free
 * text becomes an FTS5 match on the rowid, so every plan ends in a backwards walk by seq.
 */
export function compileAuditQuery(query: AuditQuery, context: CompileContext): CompiledQuery {
  const clauses: string[] = [];
  const newestFirst: string[] = [];
  const params: Array<string | number> = [];
  const tenantScope = query.filters.find((filter) => filter.field === 'tenant' && !filter.negated && filter.values.length === 1);

  for (const filter of query.filters) {
    const compiled = compileFilter(filter, context);
    // A NULL column makes a comparison NULL, and NOT NULL drops the row: a negated filter
    // must keep events that simply lack the field (platform events have no tenant).
    const clause = filter.negated ? `NOT ifnull(${compiled.sql}, 0)` : compiled.sql;
    clauses.push(clause);
    newestFirst.push(!filter.negated && unorderedByIndex(filter) && context.isBroad?.(compiled) ? offIndex(clause) : clause);
    params.push(...compiled.params);
  }

  const fts = new Map(query.terms.map((term) => [term, ftsTerm(term, context)]));
  const positive = query.terms.filter((term) => !term.negated);
  const negative = query.terms.filter((term) => term.negated);
  if (positive.length > 0) {
    // Tenant-scoped text search narrows inside the FTS index itself.
    const scope = tenantScope ? `tenant : ${ftsString(tenantTextToken(context.tenantId(tenantScope.values[0]!)))} AND ` : '';
    clauses.push(`seq IN (SELECT rowid FROM audit_text WHERE audit_text MATCH ?)`);
    newestFirst.push(clauses.at(-1)!);
    params.push(scope + positive.map((term) => fts.get(term)!).join(' AND '));
  }
  if (negative.length > 0) {
    clauses.push(`seq NOT IN (SELECT rowid FROM audit_text WHERE audit_text MATCH ?)`);
    newestFirst.push(clauses.at(-1)!);
    params.push(negative.map((term) => fts.get(term)!).join(' OR '));
  }
  const textOnly = query.filters.length === 0 && negative.length === 0 && positive.length > 0 ? (params[0] as string) : null;
  const joined = (parts: string[]) => (parts.length > 0 ? parts.join(' AND ') : '1');
  const textIsExact = [...fts.values()].every((match) => !match.endsWith('*'));
  return { where: joined(clauses), newestFirstWhere: joined(newestFirst), params, textOnly, textIsExact };
}

/** A filter whose index does not hand out matches in seq order: a prefix, alternatives, or actor's id-or-email. */
export function unorderedByIndex(filter: FieldFilter): boolean {
  return filter.values.length > 1 || filter.field === 'actor' || (filter.field === 'action' && filter.values[0]!.endsWith('*'));
}

const indexedColumn = /\b(tenant_id|actor_id|actor_email|action|target_type|target_id|outcome|ip|request_id)\b/g;

/** The clause with its columns behind a unary +: the same test, but no index is used for it. */
function offIndex(clause: string): string {
  return clause.replace(indexedColumn, '+$1');
}

function compileFilter(filter: FieldFilter, { now, tenantId }: CompileContext): Sql {
  const anyOf = (compile: (value: string) => Sql): Sql => {
    const parts = filter.values.map(compile);
    return { sql: parts.length === 1 ? parts[0]!.sql : `(${parts.map((part) => part.sql).join(' OR ')})`, params: parts.flatMap((part) => part.params) };
  };
  const time = () => resolveTimeValue(filter.values[0]!, now)!;
  switch (filter.field) {
    case 'actor':
      return anyOf((value) => ({ sql: '(actor_id = ? OR actor_email = ?)', params: [value, value] }));
    case 'tenant':
      return anyOf((value) => ({ sql: 'tenant_id = ?', params: [tenantId(value)] }));
    case 'action':
      return anyOf((value) => (value.endsWith('*') ? { sql: '(action >= ? AND action < ?)', params: prefixRange(value.slice(0, -1)) } : { sql: 'action = ?', params: [value] }));
    case 'target':
      return anyOf((value) => {
        const split = value.indexOf(':');
        if (split === -1) return { sql: 'target_id = ?', params: [value] };
        return { sql: '(target_type = ? AND target_id = ?)', params: [value.slice(0, split), value.slice(split + 1)] };
      });
    case 'outcome':
      return { sql: `outcome IN (${filter.values.map(() => '?').join(', ')})`, params: filter.values };
    case 'ip':
      return anyOf((value) => (parseIpValue(value)?.kind === 'exact' ? { sql: 'ip = ?', params: [value] } : { sql: 'ip_matches(ip, ?)', params: [value] }));
    case 'request':
      return anyOf((value) => ({ sql: 'request_id = ?', params: [value] }));
    case 'id':
      return anyOf((value) => ({ sql: 'id = ?', params: [value] }));
    // seq order is time order: a time bound is the seq of the first event at or after it.
    // The first row of the (ts, seq) index at or after the time: no scan of the range.
    case 'after':
      return { sql: 'seq >= ifnull((SELECT seq FROM audit_events WHERE ts >= ? ORDER BY ts, seq LIMIT 1), 9e18)', params: [time()] };
    case 'before':
      return { sql: 'seq < ifnull((SELECT seq FROM audit_events WHERE ts >= ? ORDER BY ts, seq LIMIT 1), 9e18)', params: [time()] };
  }
}

/** [prefix, first string after every string that starts with prefix]. */
function prefixRange(prefix: string): [string, string] {
  if (prefix === '') return ['', '\uffff'];
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)];
}

/**
 * A term as FTS5 syntax. A bare word also matches longer words it begins ("rotat" finds
 * "rotated"): a prefix query, unless the index holds no longer word, when the word itself
 * finds the same events. The word is then better: FTS5 answers a prefix query by merging the
 * doclists of every word it begins, each time it is asked for a rowid range (a keyset page,
 * a histogram bucket), where it seeks in a word's own doclist.
 */
function ftsTerm(term: TextTerm, context: CompileContext): string {
  if (term.phrase) return ftsString(term.text);
  const word = term.text.toLowerCase();
  // A word of plain letters and digits is one token as the index spells it; other text is FTS5's to split.
  const plain = /^[a-z0-9]+$/.test(word);
  return plain && context.beginsLongerWords?.(word) === false ? ftsString(word) : `${ftsString(term.text)}*`;
}

/** A string in FTS5's syntax; a NUL, which would end the expression where SQLite reads it, separates words as any other space. */
function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""').replaceAll('\0', ' ')}"`;
}

/** The SQL function behind ip: filters, registered on each connection that searches. */
export function ipMatches(ip: string | null, filter: string): number {
  if (ip === null) return 0;
  const range = parseIpValue(filter);
  if (range === null) return 0;
  if (range.kind === 'exact') return ip === range.value ? 1 : 0;
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return 0;
  const value = ipv4ToNumber(ip);
  return value >= range.first! && value <= range.last! ? 1 : 0;
}
