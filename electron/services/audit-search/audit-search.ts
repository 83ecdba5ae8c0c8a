import type { Database, Statement } from 'better-sqlite3';
import { systemClock } from '../../../shared/clock.ts';
import type { Clock } from '../../../shared/clock.ts';
import { parseAuditQuery } from '../../../shared/audit-query/index.ts';
import type { AuditQuery } from '../../../shared/audit-query/index.ts';
import type { AuditEventDetail, AuditFacets, AuditHistogram, AuditRow, AuditSearchResult } from '../../../shared/console-api/index.ts';
import { eventDigest } from '../audit/event-digest.ts';
import { ftsIndexedUpto } from '../cache/sync-state.ts';
import { rawAuditChunks } from '../cache/raw-audit-chunks.ts';
import { compileAuditQuery, ipMatches, unorderedByIndex } from './compile-query.ts';
import type { CompiledQuery } from './compile-query.ts';

const columnsWithTenantName = (tenantName: string) => `seq, id, ts, tenant_id, ${tenantName} AS tenant_name, actor_type, actor_id, actor_email, json_extract(raw, '$.actor.name') AS actor_name,
  action, target_type, target_id, json_extract(raw, '$.target.name') AS target_name, outcome, ip, request_id`;
/** A page of results names each tenant from the cached tenants (a lookup per row shown). */
const rowColumns = columnsWithTenantName('(SELECT name FROM tenants WHERE tenants.id = audit_events.tenant_id)');
/** Exports carry no tenant name (no export format has one): a lookup per event would only slow a million-event export. */
const exportColumns = columnsWithTenantName('NULL');

/**
 * A rowid parameter of the full-text index. better-sqlite3 binds a JS number as a REAL, and
 * FTS5 uses a rowid constraint to seek only when it is an INTEGER: otherwise it reads the
 * term's whole doclist (21 ms instead of 0.3 to count 8,000 seqs of a word in 600,000 events).
 */
const ftsRowid = 'CAST(? AS INTEGER)';

/** A query's matches for a histogram: listed at once (ascending), or found by seq range. */
type HistogramMatches =
  | { kind: 'listed'; seqs: number[] }
  | {
      kind: 'ranged';
      /** Only time bounds: the counts are seq differences when the cache has no gaps. */
      onlyTime: boolean;
      /** The first or last matching seq. */
      edge(order: 'ASC' | 'DESC'): number | undefined;
      countIn(fromSeq: number, toSeq: number): number;
    };

interface RowRecord {
  seq: number;
  id: string;
  ts: number;
  tenant_id: string | null;
  tenant_name: string | null;
  actor_type: string;
  actor_id: string;
  actor_email: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  outcome: AuditRow['outcome'];
  ip: string | null;
  request_id: string | null;
}

/** Facets count the newest matches up to this many: enough for a "top 8", cheap enough for every keystroke. */
const facetSample = 2_000;
/** A filter matching at least this many events is read by walking seq rather than through its index. */
const broadMatches = 20_000;
const facetSize = 8;

/** How many of `seqs` fall in each bucket [starts[i], starts[i + 1]), placed by binary search. */
function countBySeq(ascendingSeqs: number[], starts: number[]): number[] {
  const counts = new Array<number>(starts.length - 1).fill(0);
  let bucket = -1;
  for (const seq of ascendingSeqs) {
    while (bucket < counts.length && seq >= starts[bucket + 1]!) bucket++;
    if (bucket >= 0 && bucket < counts.length) counts[bucket]!++;
  }
  return counts;
}

function topValues(counts: Map<string, number>): Array<{ value: string; count: number }> {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, facetSize);
}

export type AuditSearch = ReturnType<typeof createAuditSearch>;

/** Answers audit queries over one cache database (a profile's, or an imported source). */
export function createAuditSearch(db: Database, clock: Clock = systemClock) {
  db.function('ip_matches', { deterministic: true }, ipMatches);
  const statements = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  /** A tenant filter's value as a tenant id (a slug the cache knows becomes its id). */
  const tenantIdOf = (value: string): string => (prepared('SELECT id FROM tenants WHERE slug = ?').pluck().get(value) as string | undefined) ?? value;

  // What the vocabulary said of each word, while the full-text index has not grown since.
  let longerWords = { indexedUpTo: -1, words: new Map<string, boolean>() };
  /** Whether the full-text index holds a word longer than `word` that begins with it (the smallest next character is '0'). */
  function beginsLongerWords(word: string): boolean {
    const indexedUpTo = ftsIndexedUpto(db);
    if (longerWords.indexedUpTo !== indexedUpTo) {
      db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.audit_words USING fts5vocab(main, 'audit_text', 'row')");
      longerWords = { indexedUpTo, words: new Map() };
    }
    let longer = longerWords.words.get(word);
    if (longer === undefined) {
      // LIMIT 1 without ORDER BY: the vocabulary comes in word order, and reading on would count every later word.
      const next = prepared('SELECT term FROM temp.audit_words WHERE term >= ? LIMIT 1').pluck().get(`${word}0`) as string | undefined;
      longer = next?.startsWith(word) ?? false;
      longerWords.words.set(word, longer);
    }
    return longer;
  }

  /**
   * How a histogram finds a query's matches: one seq range at a time where an index can seek
   * to it (a field filter's (column, seq) index, or the full-text index for words spelled
   * exactly), else all at once, ascending. A bare word is a prefix query, which FTS5 answers by
   * merging the doclists of every word it begins, again for each range; a prefix or
   * alternatives mixed with other filters hand out their matches out of seq order. Ranged,
   * seq order is time order: the first and last match come from the ends of the index.
   */
  function histogramMatches(query: AuditQuery): HistogramMatches {
    const { where, newestFirstWhere, params, textOnly, textIsExact } = compile(query);
    if (textOnly !== null && textIsExact) {
      return {
        kind: 'ranged',
        onlyTime: false,
        edge: (order) => prepared(`SELECT rowid FROM audit_text WHERE audit_text MATCH ? ORDER BY rowid ${order} LIMIT 1`).pluck().get(textOnly) as number | undefined,
        countIn: (from, to) => prepared(`SELECT count(*) FROM audit_text WHERE audit_text MATCH ? AND rowid >= ${ftsRowid} AND rowid < ${ftsRowid}`).pluck().get(textOnly, from, to) as number,
      };
    }
    if (textOnly !== null) return { kind: 'listed', seqs: prepared('SELECT rowid FROM audit_text WHERE audit_text MATCH ? ORDER BY rowid').pluck().all(textOnly) as number[] };
    const { filters, terms } = query;
    if (terms.length > 0 || (!filters.some((filter) => filter.negated) && filters.some(unorderedByIndex))) {
      return { kind: 'listed', seqs: prepared(`SELECT seq FROM audit_events WHERE ${where} ORDER BY seq`).pluck().all(...params) as number[] };
    }
    return {
      kind: 'ranged',
      onlyTime: filters.every((filter) => filter.field === 'after' || filter.field === 'before'),
      edge: (order) => prepared(`SELECT seq FROM audit_events WHERE ${newestFirstWhere} ORDER BY seq ${order} LIMIT 1`).pluck().get(...params) as number | undefined,
      countIn: (from, to) => prepared(`SELECT count(*) FROM audit_events WHERE (${where}) AND seq >= ? AND seq < ?`).pluck().get(...params, from, to) as number,
    };
  }

  function compile(query: AuditQuery): CompiledQuery {
    return compileAuditQuery(query, {
      now: clock(),
      tenantId: tenantIdOf,
      isBroad: ({ sql, params }) => (prepared(`SELECT count(*) FROM (SELECT 1 FROM audit_events WHERE ${sql} LIMIT ${broadMatches})`).pluck().get(...params) as number) >= broadMatches,
      beginsLongerWords,
    });
  }

  /**
   * Whether the events run seq after seq with no hole (a profile cache always does; an import
   * of a partial file may not); remembered per newest seq, since counting is not free.
   */
  let contiguity: { newest: number | null; contiguous: boolean } | null = null;
  function contiguous(): boolean {
    const last = prepared('SELECT max(seq) FROM audit_events').pluck().get() as number | null;
    if (contiguity?.newest !== last) {
      const first = prepared('SELECT min(seq) FROM audit_events').pluck().get() as number | null;
      const count = prepared('SELECT count(*) FROM audit_events').pluck().get() as number;
      contiguity = { newest: last, contiguous: first === null || last! - first + 1 === count };
    }
    return contiguity.contiguous;
  }

  function parseOrThrow(q: string): AuditQuery {
    const parsed = parseAuditQuery(q);
    if (!parsed.ok) throw new Error(`Invalid query: ${parsed.error.message}`);
    return parsed.query;
  }

  function compileOrThrow(q: string): CompiledQuery {
    return compile(parseOrThrow(q));
  }

  /** Every matching event's raw JSON, oldest first: what a JSON export writes. */
  function* matchingRaw(q: string): Generator<string> {
    const { where, params } = compileOrThrow(q);
    yield* prepared(`SELECT raw FROM audit_events WHERE ${where} ORDER BY seq`).pluck().iterate(...params) as Iterable<string>;
  }

  return {
    tenantIdOf,

    /** Time of the oldest event held: older ones are only on the platform. */
    oldestTs: (): number | null => (prepared('SELECT ts FROM audit_events ORDER BY seq LIMIT 1').pluck().get() as number | undefined) ?? null,

    matchingRaw,

    /**
     * Every matching event's raw JSON, oldest first, each followed by "\n", up to `rows` events a
     * chunk: what an NDJSON export writes. Without free text the database joins each chunk
     * (rawAuditChunks); free text would find its whole match set again for every chunk, so its
     * events come one by one.
     */
    *matchingRawLines(q: string, rows: number): Generator<{ count: number; bytes: Buffer }> {
      if (parseOrThrow(q).terms.length > 0) {
        yield* linesOf(matchingRaw(q), rows);
        return;
      }
      // The seq-ordered form of the condition: walking seq forwards stops after `rows` matches, as walking backwards does.
      const { newestFirstWhere, params } = compileOrThrow(q);
      for (const { count, bytes } of rawAuditChunks(db, { where: newestFirstWhere, params, rows })) yield { count, bytes: Buffer.concat([bytes, lineBreak]) };
    },

    /** Every matching event's raw JSON and row, oldest first (exports walk the chain forwards). */
    *matching(q: string): Generator<{ raw: string; row: AuditRow }> {
      const { where, params } = compileOrThrow(q);
      for (const record of prepared(`SELECT ${exportColumns}, raw FROM audit_events WHERE ${where} ORDER BY seq`).iterate(...params) as Iterable<RowRecord & { raw: string }>) {
        yield { raw: record.raw, row: toRow(record) };
      }
    },

    search({ q, beforeSeq, limit, withTotal }: { q: string; beforeSeq?: number; limit: number; withTotal: boolean }): Omit<AuditSearchResult, 'alteredSeqs'> {
      const started = performance.now();
      const newestSeq = (prepared('SELECT max(seq) FROM audit_events').pluck().get() as number | null) ?? null;
      const parsed = parseAuditQuery(q);
      if (!parsed.ok) return { rows: [], total: null, nextBeforeSeq: null, error: parsed.error, textIndexedUpTo: ftsIndexedUpto(db), newestSeq, tookMs: 0 };
      const { where, newestFirstWhere, params, textOnly } = compile(parsed.query);
      const page = beforeSeq === undefined ? [] : [beforeSeq];
      // The newest matching seqs first (from an index alone where one answers), then the rows
      // of just those: reading every candidate's row before the sort costs a lookup each.
      // Free text alone: the newest matches come from the FTS index by rowid.
      const records = (
        textOnly === null
          ? prepared(
              `SELECT ${rowColumns} FROM audit_events WHERE seq IN (SELECT seq FROM audit_events WHERE ${newestFirstWhere}${page.length ? ' AND seq < ?' : ''} ORDER BY seq DESC LIMIT ?) ORDER BY seq DESC`,
            ).all(...params, ...page, limit)
          : prepared(
              `SELECT ${rowColumns} FROM audit_events WHERE seq IN (SELECT rowid FROM audit_text WHERE audit_text MATCH ?${page.length ? ` AND rowid < ${ftsRowid}` : ''} ORDER BY rowid DESC LIMIT ?) ORDER BY seq DESC`,
            ).all(textOnly, ...page, limit)
      ) as RowRecord[];
      const countSql = textOnly === null ? `SELECT count(*) FROM audit_events WHERE ${where}` : 'SELECT count(*) FROM audit_text WHERE audit_text MATCH ?';
      const total = withTotal ? (prepared(countSql).pluck().get(...(textOnly === null ? params : [textOnly])) as number) : null;
      return {
        rows: records.map(toRow),
        total,
        nextBeforeSeq: records.length === limit ? records.at(-1)!.seq : null,
        error: null,
        textIndexedUpTo: ftsIndexedUpto(db),
        newestSeq,
        tookMs: Math.round((performance.now() - started) * 10) / 10,
      };
    },

    facets(q: string): AuditFacets {
      const parsed = parseAuditQuery(q);
      const empty = { actions: [], actors: [], tenants: [], outcomes: [], sampledUpTo: facetSample };
      if (!parsed.ok) return empty;
      const { newestFirstWhere, params, textOnly } = compile(parsed.query);
      // One pass over the newest matches, counting all four facets at once; free text alone
      // finds them in the FTS index by rowid.
      const counts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
      const newest =
        textOnly === null
          ? `SELECT seq FROM audit_events WHERE ${newestFirstWhere} ORDER BY seq DESC LIMIT ${facetSample}`
          : `SELECT rowid FROM audit_text WHERE audit_text MATCH ? ORDER BY rowid DESC LIMIT ${facetSample}`;
      const sample = prepared(`SELECT action, coalesce(actor_email, actor_id), tenant_id, outcome FROM audit_events WHERE seq IN (${newest})`);
      for (const values of sample.raw().iterate(...(textOnly === null ? params : [textOnly])) as Iterable<Array<string | null>>) {
        for (let facet = 0; facet < 4; facet++) {
          const value = values[facet];
          if (value != null) counts[facet]!.set(value, (counts[facet]!.get(value) ?? 0) + 1);
        }
      }
      const [actions, actors, tenants, outcomes] = counts.map(topValues);
      const tenantName = prepared('SELECT name FROM tenants WHERE id = ?').pluck();
      const namedTenants = tenants!.map((entry) => ({ ...entry, label: (tenantName.get(entry.value) as string | undefined) ?? null }));
      return { actions: actions!, actors: actors!, tenants: namedTenants, outcomes: outcomes!, sampledUpTo: facetSample };
    },

    histogram(q: string, bucketCount: number): AuditHistogram {
      const parsed = parseAuditQuery(q);
      if (!parsed.ok) return { bucketMs: 0, buckets: [] };
      const matches = histogramMatches(parsed.query);
      const tsOf = prepared('SELECT ts FROM audit_events WHERE seq = ?').pluck();
      const tsOfSeq = (seq: number | undefined) => (seq === undefined ? undefined : (tsOf.get(seq) as number | undefined));
      const first = tsOfSeq(matches.kind === 'listed' ? matches.seqs[0] : matches.edge('ASC'));
      const last = tsOfSeq(matches.kind === 'listed' ? matches.seqs.at(-1) : matches.edge('DESC'));
      if (first === undefined || last === undefined) return { bucketMs: 0, buckets: [] };
      const bucketMs = Math.max(1_000, Math.ceil((last - first + 1) / bucketCount));
      // Buckets are seq ranges: [starts[i], starts[i + 1]) holds the events of bucket i.
      const seqAtOrAfter = prepared('SELECT seq FROM audit_events WHERE ts >= ? ORDER BY ts, seq LIMIT 1').pluck();
      const end = (prepared('SELECT max(seq) FROM audit_events').pluck().get() as number) + 1;
      const starts = Array.from({ length: Math.floor((last - first) / bucketMs) + 2 }, (_, i) => (seqAtOrAfter.get(first + i * bucketMs) as number | undefined) ?? end);
      // The cheapest exact count per bucket: the matching seqs placed in their buckets, seq
      // differences, or an index range per bucket.
      const counts =
        matches.kind === 'listed'
          ? countBySeq(matches.seqs, starts)
          : matches.onlyTime && contiguous()
            ? starts.slice(1).map((next, i) => next - starts[i]!)
            : starts.slice(1).map((next, i) => matches.countIn(starts[i]!, next));
      const buckets = counts.flatMap((count, bucket) => (count > 0 ? [{ at: first + bucket * bucketMs, count }] : []));
      return { bucketMs, buckets };
    },

    event(seq: number): AuditEventDetail | null {
      const raw = prepared('SELECT raw FROM audit_events WHERE seq = ?').pluck().get(seq) as string | undefined;
      if (raw === undefined) return null;
      const event = JSON.parse(raw) as Record<string, unknown>;
      const computedHash = eventDigest(event);
      return { raw, computedHash, hashVerified: computedHash === event.hash };
    },

    suggest(field: string, prefix: string): string[] {
      const column = { actor: 'actor_email', action: 'action', tenant: 'tenant_id', request: 'request_id', ip: 'ip' }[field];
      if (column === undefined) return [];
      const fromTenants =
        field === 'tenant' ? (prepared('SELECT slug FROM tenants WHERE slug >= ? AND slug < ? ORDER BY slug LIMIT 10').pluck().all(prefix, `${prefix}\uffff`) as string[]) : [];
      const fromEvents = prepared(`SELECT DISTINCT ${column} FROM audit_events WHERE ${column} >= ? AND ${column} < ? ORDER BY ${column} LIMIT 10`)
        .pluck()
        .all(prefix, `${prefix}\uffff`) as string[];
      return [...new Set([...fromTenants, ...fromEvents])].slice(0, 10);
    },
  };
}

function toRow(record: RowRecord): AuditRow {
  return {
    seq: record.seq,
    id: record.id,
    occurredAt: new Date(record.ts).toISOString(),
    tenantId: record.tenant_id,
    tenantName: record.tenant_name,
    actorType: record.actor_type,
    actorId: record.actor_id,
    actorEmail: record.actor_email,
    actorName: record.actor_name,
    action: record.action,
    targetType: record.target_type,
    targetId: record.target_id,
    targetName: record.target_name,
    outcome: record.outcome,
    ip: record.ip,
    requestId: record.request_id,
  };
}

const lineBreak = Buffer.from('\n');

/** Texts as lines ("\n" after each), `rows` to a chunk. */
function* linesOf(texts: Iterable<string>, rows: number): Generator<{ count: number; bytes: Buffer }> {
  let lines: string[] = [];
  for (const text of texts) {
    lines.push(text);
    if (lines.length === rows) {
      yield { count: rows, bytes: Buffer.from(`${lines.join('\n')}\n`) };
      lines = [];
    }
  }
  if (lines.length > 0) yield { count: lines.length, bytes: Buffer.from(`${lines.join('\n')}\n`) };
}
