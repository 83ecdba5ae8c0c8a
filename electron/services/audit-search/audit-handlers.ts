import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { ConsoleHandlers, ProfilesState } from '../../../shared/console-api/index.ts';
import { cacheDbPath } from '../cache/cache-paths.ts';
import type { EventBus } from '../event-bus.ts';
import { createAuditSearch } from './audit-search.ts';
import type { AuditSearch } from './audit-search.ts';

type AuditHandlers = Pick<ConsoleHandlers, 'audit/search' | 'audit/facets' | 'audit/histogram' | 'audit/event' | 'audit/suggest'>;

/**
 * Audit queries over the active profile's cache, through a read-only connection of its own
 * (the sync worker writes through another; WAL lets both proceed).
 */
export function createAuditHandlers({ dataDir, events, initialProfileId }: { dataDir: string; events: EventBus; initialProfileId: string | null }) {
  let profileId = initialProfileId;
  let open: { db: Database.Database; search: AuditSearch } | null = null;

  function close() {
    open?.db.close();
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
    const path = cacheDbPath(dataDir, profileId);
    if (!existsSync(path)) return null;
    const db = new Database(path, { readonly: true, fileMustExist: true });
    const ready = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sync_state'").get() !== undefined;
    if (!ready) {
      db.close();
      return null;
    }
    open = { db, search: createAuditSearch(db) };
    return open.search;
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
