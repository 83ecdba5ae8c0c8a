import { useCallback, useEffect, useState } from 'react';
import type { SourceId } from '../../../shared/console-api/index.ts';

export interface AuditLocation {
  q: string;
  /** undefined: the active profile's cache. */
  source: SourceId | undefined;
}

function read(): AuditLocation {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  return { q: params.get('q') ?? '', source: (params.get('source') as SourceId | null) ?? undefined };
}

function routeOf({ q, source }: AuditLocation): string {
  const params = new URLSearchParams();
  if (q !== '') params.set('q', q);
  if (source !== undefined) params.set('source', source);
  const search = params.toString();
  return `#/audit${search === '' ? '' : `?${search}`}`;
}

/**
 * The query and source of `#/audit?q=…&source=…`, so a search is a link that can be shared
 * and reopened; follows the hash when something else (an opsdeck:// link) changes it.
 */
export function useAuditLocation(): [AuditLocation, (next: Partial<AuditLocation>) => void] {
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const follow = () => setLocation(read());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const update = useCallback((patch: Partial<AuditLocation>) => {
    setLocation((current) => {
      const next = { ...current, ...patch };
      window.history.replaceState(null, '', routeOf(next));
      return next;
    });
  }, []);
  return [location, update];
}
