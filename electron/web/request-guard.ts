import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict =
  | { ok: true }
  | { ok: false; status: 401 | 403; reason: string };

/**
 * Decides whether a request to the web host may proceed. The host only answers to its own
 * loopback names (DNS rebinding), refuses foreign origins, and requires the launch token.
 */
export function createRequestGuard(port: number, token: string) {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((host) => `http://${host}`));
  const cookieName = tokenCookieName(port);

  function check(req: IncomingMessage, presentedToken: string | null): GuardVerdict {
    const host = req.headers.host ?? '';
    if (!hosts.has(host)) return { ok: false, status: 403, reason: `Host '${host}' is not this console.` };
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      return { ok: false, status: 403, reason: `Origin '${origin}' may not call this console.` };
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      return { ok: false, status: 403, reason: 'Cross-site requests are refused.' };
    }
    const candidate = presentedToken ?? readCookie(req, cookieName);
    if (candidate === null || !sameSecret(candidate, token)) {
      return {
        ok: false,
        status: 401,
        reason: 'Missing or wrong access token. Open the URL that `opsdeck serve` printed; it carries the token.',
      };
    }
    return { ok: true };
  }

  return { check, cookieName };
}

export function tokenCookieName(port: number): string {
  return `opsdeck_token_${port}`;
}

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
