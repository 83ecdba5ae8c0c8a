import type { Database } from 'better-sqlite3';

export interface RawAuditChunk {
  count: number;
  /** The chunk's highest seq. */
  last: number;
  /** The events' raw texts in seq order, joined by "\n", as UTF-8. */
  bytes: Buffer;
}

/**
 * The raw texts of the audit events matching `where` (a condition on audit_events with its
 * params), in seq order, up to `rows` events a chunk, each chunk one blob the database joined: a
 * string per event, joined and encoded again, cost more than the rest of reading them.
 *
 * SQLite joins an aggregate's rows in the order they come, seq order here, but promises that only
 * with an ORDER BY inside the aggregate, which sorts every chunk again and doubles the cost. So a
 * chunk lists its seqs too, joined in the same pass; one whose seqs are out of order is read
 * again with the ORDER BY.
 */
export function* rawAuditChunks(db: Database, { where = '1', params = [], rows }: { where?: string; params?: unknown[]; rows: number }): Generator<RawAuditChunk> {
  const chunk = (ordered: boolean) =>
    db.prepare(
      `SELECT count(*) AS count, max(seq) AS last, group_concat(seq) AS seqs, CAST(group_concat(raw, char(10)${ordered ? ' ORDER BY seq' : ''}) AS BLOB) AS bytes
       FROM (SELECT seq, raw FROM audit_events WHERE (${where}) AND seq > ? ORDER BY seq LIMIT ?)`,
    );
  const asScanned = chunk(false);
  let sorted: ReturnType<typeof chunk> | null = null;
  for (let after = 0; ; ) {
    let read = asScanned.get(...params, after, rows) as { count: number; last: number | null; seqs: string | null; bytes: Buffer | null };
    if (read.last === null || read.bytes === null) return;
    if (!ascending(read.seqs!)) read = (sorted ??= chunk(true)).get(...params, after, rows) as typeof read;
    yield { count: read.count, last: read.last!, bytes: read.bytes! };
    after = read.last!;
  }
}

/** Whether "3,4,7" lists whole numbers in ascending order; anything else (a sign, say) counts as not. */
function ascending(seqs: string): boolean {
  let previous = -1;
  let current = 0;
  for (let index = 0; index < seqs.length; index++) {
    const code = seqs.charCodeAt(index);
    if (code === comma) {
      if (current <= previous) return false;
      previous = current;
      current = 0;
    } else if (code >= zero && code <= zero + 9) {
      current = current * 10 + code - zero;
    } else {
      return false;
    }
  }
  return current > previous;
}

const comma = 0x2c;
const zero = 0x30;
