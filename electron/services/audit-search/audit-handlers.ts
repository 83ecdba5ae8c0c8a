import type { ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReaders } from '../audit-sources/source-readers.ts';
import type { AuditSearch } from './audit-search.ts';

type AuditHandlers = Pick<ConsoleHandlers, 'audit/search' | 'audit/facets' | 'audit/histogram' | 'audit/event' | 'audit/suggest'>;

export interface AuditHandlersOptions {
  readers: SourceReaders;
  /** The source a call without `source` reads: the active profile's cache. */
  defaultSource(): SourceId | null;
  /** Seqs the source's last verification found altered. */
  alteredSeqs(source: SourceId): ReadonlySet<number>;
}

/** Audit queries over a profile's cache or an imported source, through read-only connections. */
export function createAuditHandlers({ readers, defaultSource, alteredSeqs }: AuditHandlersOptions): AuditHandlers {
  const chosen = (source: SourceId | undefined) => source ?? defaultSource();
  /** The source's search, or null while there is none yet (no profile, or the first sync has not created it). */
  const searchOf = (source: SourceId | undefined): AuditSearch | null => {
    const id = chosen(source);
    return id === null ? null : readers.search(id);
  };

  return {
    'audit/search': async (input) => {
      const id = chosen(input.source);
      const result = id === null ? null : readers.search(id)?.search(input);
      if (result === undefined || result === null) {
        return { rows: [], total: 0, nextBeforeSeq: null, error: null, textIndexedUpTo: 0, newestSeq: null, alteredSeqs: [], tookMs: 0 };
      }
      const altered = alteredSeqs(id!);
      return { ...result, alteredSeqs: altered.size === 0 ? [] : result.rows.flatMap((row) => (altered.has(row.seq) ? [row.seq] : [])) };
    },
    'audit/facets': async ({ q, source }) => searchOf(source)?.facets(q) ?? { actions: [], actors: [], tenants: [], outcomes: [], sampledUpTo: 0 },
    'audit/histogram': async ({ q, source, buckets }) => searchOf(source)?.histogram(q, buckets) ?? { bucketMs: 0, buckets: [] },
    'audit/event': async ({ seq, source }) => {
      const detail = searchOf(source)?.event(seq) ?? null;
      if (detail === null) throw new Error(`No audit event with seq ${seq} in this source.`);
      return detail;
    },
    'audit/suggest': async ({ field, prefix, source }) => ({ values: searchOf(source)?.suggest(field, prefix) ?? [] }),
  };
}
