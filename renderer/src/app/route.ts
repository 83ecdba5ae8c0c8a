import { useMemo, useSyncExternalStore } from 'react';
import { defaultSection, isSectionId } from './sections.ts';
import type { SectionId } from './sections.ts';

/**
 * Where the console is: `#/<section>/<path…>?<params>`, e.g. `#/tenants/ten_123` or
 * `#/connectors?connector=con_1&status=failing`. Hash routes work the same under app:// in
 * Electron and http:// in a browser; each path segment is URI-encoded.
 */
export interface Route {
  section: SectionId;
  path: string[];
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [location = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [first = '', ...rest] = location.split('/');
  const segments = rest.filter((segment) => segment !== '').map((segment) => safeDecode(segment));
  return isSectionId(first) ? { section: first, path: segments, params: new URLSearchParams(query) } : { section: defaultSection, path: [], params: new URLSearchParams() };
}

/** The address of a route, the inverse of parseRoute. */
export function routeHref(section: SectionId, path: readonly string[] = [], params: Record<string, string> = {}): string {
  const search = new URLSearchParams(params).toString();
  return `#/${[section, ...path.map((segment) => encodeURIComponent(segment))].join('/')}${search === '' ? '' : `?${search}`}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The route in the address bar, updated as it changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
