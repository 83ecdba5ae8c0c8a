import { useCallback, useMemo, useRef, useState } from 'react';
import type { TenantDirectoryInput, TenantListRow } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useCachedQuery } from '../api/useCachedQuery.ts';
import type { Loadable } from '../api/useConsoleValue.ts';

export type DirectoryFilters = Required<Pick<TenantDirectoryInput, 'q' | 'sort' | 'order'>> & Pick<TenantDirectoryInput, 'plan' | 'status' | 'region'>;

/**
 * Rows per read. The first read answers a keystroke, so it is a few screenfuls and crosses quickly;
 * the reads as the list scrolls are larger, so 10,000 tenants take few re-renders to reach.
 */
const firstPageSize = 100;
const pageSize = 500;
const resources = ['tenants'] as const;
const noRows: TenantListRow[] = [];

export interface DirectoryRows {
  rows: TenantListRow[];
  total: number;
  /** Reads the next page, once, when the list scrolls near the end of what is loaded. */
  loadMore(): void;
}

/**
 * The tenants matching the filters, a page at a time: the reader thread filters and sorts, and
 * only the rows scrolled to cross to the renderer. A sync that changes the tenants starts over.
 */
export function useTenantDirectory(filters: DirectoryFilters): Exclude<Loadable<never>, { status: 'ready' }> | { status: 'ready'; value: DirectoryRows } {
  const { api } = useConsole();
  const key = JSON.stringify(filters);
  const first = useCachedQuery(() => api['tenants/directory']({ ...filters, offset: 0, limit: firstPageSize }), resources, key);
  // Pages after the first, tied to the first page they continue: a new first page drops them.
  const [more, setMore] = useState<{ after: unknown; rows: TenantListRow[] }>({ after: null, rows: [] });
  const loading = useRef(false);
  const base = first.status === 'ready' ? first.value : null;
  const extra = more.after === base ? more.rows : noRows;
  const rows = useMemo(() => (base === null ? noRows : extra.length === 0 ? base.rows : [...base.rows, ...extra]), [base, extra]);

  const loadMore = useCallback(() => {
    if (base === null || loading.current || base.rows.length + extra.length >= base.total) return;
    loading.current = true;
    api['tenants/directory']({ ...filters, offset: base.rows.length + extra.length, limit: pageSize })
      .then((page) => setMore({ after: base, rows: [...extra, ...page.rows] }))
      .catch(() => {})
      .finally(() => {
        loading.current = false;
      });
    // filters is part of `key`, which `base` changes with.
  }, [api, base, extra]);

  // While a new search is read, the last answer stays: the list is not swapped for a spinner on every keystroke.
  const shown = useRef<DirectoryRows | null>(null);
  if (first.status === 'loading' && shown.current !== null) return { status: 'ready', value: shown.current };
  if (first.status !== 'ready') return first;
  shown.current = { rows, total: first.value.total, loadMore };
  return { status: 'ready', value: shown.current };
}
