/** A parsed audit query: free text and field filters, all ANDed together. */
export interface AuditQuery {
  terms: TextTerm[];
  filters: FieldFilter[];
}

export interface TextTerm {
  text: string;
  /** "quoted phrase" rather than a bare word. */
  phrase: boolean;
  negated: boolean;
}

export type QueryField = 'id' | 'actor' | 'tenant' | 'action' | 'target' | 'outcome' | 'ip' | 'request' | 'after' | 'before';

export interface FieldFilter {
  field: QueryField;
  /** Alternatives (outcome:failure,denied); any one matches. */
  values: string[];
  negated: boolean;
  /** 1-based column of the filter in the query text, and how many characters it spans. */
  position: number;
  length: number;
}

export interface QueryError {
  message: string;
  /** 1-based column. */
  position: number;
  length: number;
}

export type ParseResult = { ok: true; query: AuditQuery } | { ok: false; error: QueryError };
