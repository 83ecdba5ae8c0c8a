import { useCallback, useState } from 'react';

/** The `q` of `#/audit?q=…`, so a search is a link that can be shared and reopened. */
export function useHashQuery(): [string, (q: string) => void] {
  const [q, setQ] = useState(() => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('q') ?? '');
  const update = useCallback((next: string) => {
    setQ(next);
    const [route] = window.location.hash.split('?');
    const search = next === '' ? '' : `?${new URLSearchParams({ q: next }).toString()}`;
    window.history.replaceState(null, '', `${route ?? '#/audit'}${search}`);
  }, []);
  return [q, update];
}
