import type { ConsoleHandlers, ProfilesState } from '../../../shared/console-api/index.ts';
import { cacheDbPath } from '../cache/cache-paths.ts';
import type { EventBus } from '../event-bus.ts';
import type { AuditSearch } from './audit-search.ts';
import { openAuditReader } from './open-audit-reader.ts';
import type { AuditReader } from './open-audit-reader.ts';

type AuditHandlers = Pick<ConsoleHandlers, 'audit/search' | 'audit/facets' | 'audit/histogram' | 'audit/event' | 'audit/suggest'>;

/**
 * Audit queries over the active profile's cache, through a read-only connection of its own
 * (the sync worker writes through another; WAL lets both proceed).
 */
export function createAuditHandlers({ dataDir, events, initialProfileId }: { dataDir: string; events: EventBus; initialProfileId: string | null }) {
  let profileId = initialProfileId;
  let open: AuditReader | null = null;

  function close() {
    open?.close();
    open = null;
  }

  const unsubscribe = events.subscribe((event, payload) => {
    if (event !== 'profiles/changed' || (payload as ProfilesState).activeId === profileId) return;
    close();
    profileId = (payload as ProfilesState).activeId;
  });

  /** The active cache, or null while there is none yet (no profile, or the first sync has not created it). */
  function search(): AuditSearch | null {
    if (open !== null) return open.search;
    if (profileId === null) return null;
    open = openAuditReader(cacheDbPath(dataDir, profileId));
    return open?.search ?? null;
  }

  const handlers: AuditHandlers = {
    'audit/search': async (input) =>
      search()?.search(input) ?? { rows: [], total: 0, nextBeforeSeq: null, error: null, textIndexedUpTo: 0, newestSeq: null, tookMs: 0 },
    'audit/facets': async ({ q }) => search()?.facets(q) ?? { actions: [], actors: [], tenants: [], outcomes: [], sampledUpTo: 0 },
    'audit/histogram': async ({ q, buckets }) => search()?.histogram(q, buckets) ?? { bucketMs: 0, buckets: [] },
    'audit/event': async ({ seq }) => {
      const detail = search()?.event(seq) ?? null;
      if (detail === null) throw new Error(`No cached audit event with seq ${seq}.`);
      return detail;
    },
    'audit/suggest': async ({ field, prefix }) => ({ values: search()?.suggest(field, prefix) ?? [] }),
  };

  return {
    handlers,
    close: () => {
      unsubscribe();
      close();
    },
  };
}
