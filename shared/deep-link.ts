import { sourceId } from './console-api/sources.ts';

export const deepLinkScheme = 'opsdeck';

/** The views a link can open as a whole, with the parameters each keeps (what `#/<view>?…` reads). */
const linkableViews = { home: [], queues: [], tenants: [], billing: ['currency'], connectors: ['connector', 'status'] } as const satisfies Record<string, readonly string[]>;
export type LinkableView = keyof typeof linkableViews;

/** What a link can open: one tenant, queue or connection, an audit search, or a whole view with its filters. */
export type DeepLinkTarget =
  | { kind: 'tenant'; id: string }
  | { kind: 'queue'; name: string }
  | { kind: 'connection'; id: string }
  | { kind: 'audit'; q: string | null; source: string | null }
  | { kind: 'view'; view: LinkableView; params: Record<string, string> };

const maxQuery = 2_000;
const maxName = 200;

/**
 * The renderer route a link opens, e.g. `opsdeck://tenant/ten_123` → `#/tenants/ten_123`; null
 * for anything else. Links come from outside (a chat message, a ticket), so only known kinds pass,
 * and only within their limits. The web host reads the same paths from its URL
 * (`http://127.0.0.1:port/tenant/ten_123`), so `link` may also be such a URL's path and query.
 */
export function deepLinkRoute(link: string): string | null {
  const target = deepLinkTarget(link);
  return target === null ? null : routeOf(target);
}

export function deepLinkTarget(link: string): DeepLinkTarget | null {
  const parts = linkParts(link);
  if (parts === null) return null;
  const [kind, ...rest] = parts.segments;
  const one = rest.length === 1 && rest[0]!.length <= maxName ? rest[0]! : null;
  switch (kind) {
    case 'tenant':
      return one === null ? null : { kind: 'tenant', id: one };
    case 'queue':
      return one === null ? null : { kind: 'queue', name: one };
    case 'connection':
      return one === null ? null : { kind: 'connection', id: one };
    case 'audit': {
      if (rest.length > 0) return null;
      const q = parts.params.get('q');
      if (q !== null && q.length > maxQuery) return null;
      const source = parts.params.get('source');
      return { kind: 'audit', q, source: source !== null && sourceId.safeParse(source).success ? source : null };
    }
    default:
      return kind !== undefined && rest.length === 0 && Object.hasOwn(linkableViews, kind) ? viewTarget(kind as LinkableView, parts.params) : null;
  }
}

function viewTarget(view: LinkableView, given: URLSearchParams): DeepLinkTarget {
  const params: Record<string, string> = {};
  for (const name of linkableViews[view] as readonly string[]) {
    const value = given.get(name);
    if (value !== null && value.length <= maxName) params[name] = value;
  }
  return { kind: 'view', view, params };
}

/** `opsdeck://kind/a/b?x` and a web host's `/kind/a/b?x` alike: the decoded segments and the query. */
function linkParts(link: string): { segments: string[]; params: URLSearchParams } | null {
  let url: URL;
  try {
    url = new URL(link, 'http://web-host.invalid');
  } catch {
    return null;
  }
  const fromApp = url.protocol === `${deepLinkScheme}:`;
  if (!fromApp && url.hostname !== 'web-host.invalid') return null;
  const raw = [...(fromApp && url.hostname !== '' ? [url.hostname] : []), ...url.pathname.split('/')].filter((segment) => segment !== '');
  try {
    return { segments: raw.map((segment) => decodeURIComponent(segment)), params: url.searchParams };
  } catch {
    return null;
  }
}

/** The renderer route that shows a target. */
export function routeOf(target: DeepLinkTarget): string {
  switch (target.kind) {
    case 'tenant':
      return `#/tenants/${encodeURIComponent(target.id)}`;
    case 'queue':
      return `#/queues/${encodeURIComponent(target.name)}`;
    case 'connection':
      return `#/connectors/connection/${encodeURIComponent(target.id)}`;
    case 'audit':
      return `#/audit${withQuery(auditParams(target))}`;
    case 'view':
      return `#/${target.view}${withQuery(new URLSearchParams(target.params))}`;
  }
}

const withQuery = (params: URLSearchParams) => (params.size === 0 ? '' : `?${params.toString()}`);

function auditParams({ q, source }: { q: string | null; source: string | null }): URLSearchParams {
  const params = new URLSearchParams();
  if (q !== null) params.set('q', q);
  if (source !== null) params.set('source', source);
  return params;
}

/** The opsdeck:// link of a target; the inverse of deepLinkTarget. */
export function deepLinkOf(target: DeepLinkTarget): string {
  switch (target.kind) {
    case 'tenant':
      return `${deepLinkScheme}://tenant/${encodeURIComponent(target.id)}`;
    case 'queue':
      return `${deepLinkScheme}://queue/${encodeURIComponent(target.name)}`;
    case 'connection':
      return `${deepLinkScheme}://connection/${encodeURIComponent(target.id)}`;
    case 'audit':
      return `${deepLinkScheme}://audit${withQuery(auditParams(target))}`;
    case 'view':
      return `${deepLinkScheme}://${target.view}${withQuery(new URLSearchParams(target.params))}`;
  }
}

/** The link that reopens an audit search. */
export function auditDeepLink(q: string, source?: string): string {
  return deepLinkOf({ kind: 'audit', q, source: source ?? null });
}
