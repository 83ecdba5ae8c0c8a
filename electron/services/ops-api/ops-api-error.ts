export type OpsApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'invalid'
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'contract';

/** A failed Ops API call, with a message that names the endpoint and never the token. */
export class OpsApiError extends Error {
  override name = 'OpsApiError';
  constructor(
    readonly kind: OpsApiErrorKind,
    /** e.g. "GET /v1/audit-events" */
    readonly endpoint: string,
    /** What went wrong, without the endpoint. */
    readonly detail: string,
    readonly status: number | null = null,
  ) {
    super(`${endpoint}: ${detail}`);
  }

  /** Offline-ish failures: the platform may be back later, cached data stays valid. */
  get isUnreachable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'rate-limited';
  }
}
