type SqlValue = string | number;

/** Collects WHERE conditions and their parameters for list queries. */
export class SqlFilters {
  private readonly conditions: string[] = [];
  readonly args: SqlValue[] = [];

  /** Adds the condition when the value is given (not undefined/null/empty). */
  add(condition: string, ...values: Array<SqlValue | undefined | null>): this {
    if (values.some((value) => value === undefined || value === null || value === '')) return this;
    this.conditions.push(condition);
    this.args.push(...(values as SqlValue[]));
    return this;
  }

  /** '' or 'WHERE a AND b'. */
  toString(): string {
    return this.conditions.length === 0 ? '' : `WHERE ${this.conditions.join(' AND ')}`;
  }
}

/** For LIKE ... ESCAPE '\'. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
