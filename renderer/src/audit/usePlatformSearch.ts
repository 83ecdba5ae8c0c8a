import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditRow, SourceId } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';

export interface PlatformSearchState {
  loading: boolean;
  failure: string | null;
  unsupported: string[] | null;
  rows: AuditRow[];
  before: string | null;
  loadMore(): void;
}

/** The query on the platform's server-side search, for what lies before the cache window. */
export function usePlatformSearch(q: string, source: SourceId | undefined, enabled: boolean): PlatformSearchState {
  const { api } = useConsole();
  const [state, setState] = useState<Omit<PlatformSearchState, 'loadMore'>>({ loading: false, failure: null, unsupported: null, rows: [], before: null });
  const cursor = useRef<string | null>(null);
  const generation = useRef(0);

  const fetchPage = useCallback(
    (after: string | null) => {
      const mine = ++generation.current;
      setState((current) => ({ ...current, loading: true, failure: null, ...(after === null ? { rows: [] } : {}) }));
      api['audit/search-platform']({ q, source, ...(after === null ? {} : { cursor: after }) }).then(
        (page) => {
          if (mine !== generation.current) return;
          cursor.current = page.nextCursor;
          setState((current) => ({ loading: false, failure: null, unsupported: page.unsupported, before: page.before, rows: after === null ? page.rows : [...current.rows, ...page.rows] }));
        },
        (error: Error) => mine === generation.current && setState((current) => ({ ...current, loading: false, failure: error.message })),
      );
    },
    [api, q, source],
  );

  useEffect(() => {
    if (enabled) fetchPage(null);
  }, [enabled, fetchPage]);

  const loadMore = useCallback(() => {
    if (cursor.current !== null && !state.loading) fetchPage(cursor.current);
  }, [fetchPage, state.loading]);

  return { ...state, loadMore };
}
