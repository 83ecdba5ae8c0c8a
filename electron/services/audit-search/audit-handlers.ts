import type { ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReader, SourceReaders } from '../reader/source-readers.ts';

type AuditHandlers = Pick<ConsoleHandlers, 'audit/search' | 'audit/facets' | 'audit/histogram' | 'audit/event' | 'audit/suggest'>;

export interface AuditHandlersOptions {
  readers: SourceReaders;
  /** The source a call without `source` reads: the active profile's cache. */
  defaultSource(): SourceId | null;
  /** Seqs the source's last verification found altered. */
  alteredSeqs(source: SourceId): Promise<ReadonlySet<number>>;
}

/** Audit queries over a profile's cache or an imported source, on the source's reader thread. */
export function createAuditHandlers({ readers, defaultSource, alteredSeqs }: AuditHandlersOptions): AuditHandlers {
  const chosen = (source: SourceId | undefined) => source ?? defaultSource();
  /** The source's reader, or null while there is none yet (no profile, or the first sync has not created it). */
  const readerOf = async (source: SourceId | undefined): Promise<SourceReader | null> => {
    const id = chosen(source);
    return id === null ? null : readers.reader(id);
  };

  return {
    'audit/search': async (input) => {
      const id = chosen(input.source);
      const reader = id === null ? null : await readers.reader(id);
      if (reader === null) return { rows: [], total: 0, nextBeforeSeq: null, error: null, textIndexedUpTo: 0, newestSeq: null, alteredSeqs: [], tookMs: 0 };
      const result = await reader.call('audit.search', input);
      const altered = await alteredSeqs(id!);
      return { ...result, alteredSeqs: altered.size === 0 ? [] : result.rows.flatMap((row) => (altered.has(row.seq) ? [row.seq] : [])) };
    },
    'audit/facets': async ({ q, source }) => (await (await readerOf(source))?.call('audit.facets', { q })) ?? { actions: [], actors: [], tenants: [], outcomes: [], sampledUpTo: 0 },
    'audit/histogram': async ({ q, source, buckets }) => (await (await readerOf(source))?.call('audit.histogram', { q, buckets })) ?? { bucketMs: 0, buckets: [] },
    'audit/event': async ({ seq, source }) => {
      const detail = (await (await readerOf(source))?.call('audit.event', { seq })) ?? null;
      if (detail === null) throw new Error(`No audit event with seq ${seq} in this source.`);
      return detail;
    },
    'audit/suggest': async ({ field, prefix, source }) => ({ values: (await (await readerOf(source))?.call('audit.suggest', { field, prefix })) ?? [] }),
  };
}
