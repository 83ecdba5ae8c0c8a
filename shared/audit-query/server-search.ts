import type { AuditQuery } from './ast.ts';
import { resolveTimeValue } from './time-value.ts';

/** The platform's search parameters (GET /v1/audit-events/search), minus cursor and limit. */
export interface ServerSearchParams {
  q?: string;
  tenant_id?: string;
  actor?: string;
  action?: string;
  outcome?: 'success' | 'failure' | 'denied';
  from?: string;
  to?: string;
}

export type ServerSearchPlan = { ok: true; params: ServerSearchParams } | { ok: false; unsupported: string[] };

/**
 * Maps a parsed query onto what the platform's server-side search understands: one word or
 * phrase, and one exact value of actor, tenant, action (or `prefix.*`) and outcome, within a
 * time range. Anything else (negation, alternatives, target/ip/request) is listed as
 * unsupported rather than silently dropped, since dropping a filter would widen the result.
 * `before` caps the range: the search is for what lies beyond the cache.
 */
export function planServerSearch(query: AuditQuery, { now, before }: { now: number; before: number | null }): ServerSearchPlan {
  const unsupported: string[] = [];
  const params: ServerSearchParams = {};
  const positive = query.terms.filter((term) => !term.negated);
  if (query.terms.some((term) => term.negated)) unsupported.push('excluded words');
  if (positive.length > 1) unsupported.push('more than one word (quote a phrase instead)');
  if (positive.length === 1) params.q = positive[0]!.text;

  let to = before;
  for (const filter of query.filters) {
    const [value] = filter.values;
    if (filter.negated) unsupported.push(`-${filter.field}:`);
    else if (filter.values.length > 1) unsupported.push(`${filter.field}: with alternatives`);
    else if (filter.field === 'actor') params.actor = value;
    else if (filter.field === 'tenant') params.tenant_id = value;
    else if (filter.field === 'outcome') params.outcome = value as ServerSearchParams['outcome'];
    else if (filter.field === 'action' && value!.endsWith('*') && !value!.endsWith('.*')) unsupported.push("action: wildcards other than 'prefix.*'");
    else if (filter.field === 'action') params.action = value!.endsWith('.*') ? value!.slice(0, -1) : value;
    else if (filter.field === 'after') params.from = new Date(resolveTimeValue(value!, now)!).toISOString();
    else if (filter.field === 'before') to = Math.min(to ?? Infinity, resolveTimeValue(value!, now)!);
    else unsupported.push(`${filter.field}:`);
  }
  if (to !== null) params.to = new Date(to).toISOString();
  return unsupported.length > 0 ? { ok: false, unsupported } : { ok: true, params };
}
