import { sourceId } from './console-api/sources.ts';

export const deepLinkScheme = 'opsdeck';

/**
 * The renderer route an `opsdeck://` link opens, e.g. `opsdeck://audit?q=actor:ana` →
 * `#/audit?q=actor%3Aana`; null for anything else. Links come from outside (a chat message,
 * a ticket), so only known sections and parameters pass, and only within their limits.
 */
export function deepLinkRoute(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== `${deepLinkScheme}:`) return null;
  const section = url.hostname || url.pathname.replace(/^\/+/, '').split('/')[0];
  if (section !== 'audit') return null;
  const params = new URLSearchParams();
  const q = url.searchParams.get('q');
  if (q !== null) {
    if (q.length > 2_000) return null;
    params.set('q', q);
  }
  const source = url.searchParams.get('source');
  if (source !== null && sourceId.safeParse(source).success) params.set('source', source);
  const search = params.toString();
  return `#/audit${search === '' ? '' : `?${search}`}`;
}

/** The link that reopens an audit search; the inverse of deepLinkRoute. */
export function auditDeepLink(q: string, source?: string): string {
  const params = new URLSearchParams({ q });
  if (source !== undefined) params.set('source', source);
  return `${deepLinkScheme}://audit?${params.toString()}`;
}

/** The route of the first opsdeck:// link among command-line arguments (Windows and Linux pass links so). */
export function routeFromArgs(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const route = arg.startsWith(`${deepLinkScheme}://`) ? deepLinkRoute(arg) : null;
    if (route !== null) return route;
  }
  return null;
}
