import { createHash } from 'node:crypto';
import type { PlatformDb } from './db/schema.ts';
import { conflict } from './http/problem.ts';

const keyLifetimeMs = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  /** A Buffer is a raw JSON body (stored as a BLOB, replayed as bytes). */
  body: string | Buffer | null;
}

/**
 * Idempotency-Key support for mutations: the first response to a key (per token subject) is
 * stored and replayed for 24 h; reusing a key for a different request is a 409.
 */
export class IdempotencyStore {
  private readonly find;
  private readonly save;

  constructor(
    db: PlatformDb,
    private readonly now: () => number,
  ) {
    this.find = db.prepare('SELECT request, status, body, created_at_ms FROM idempotency_keys WHERE subject_id = ? AND key = ?');
    this.save = db.prepare('INSERT OR REPLACE INTO idempotency_keys (key, subject_id, request, status, body, created_at_ms) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** The stored response for this key, or null when the request should run. */
  replay(subject: string, key: string, request: string): StoredResponse | null {
    const row = this.find.get(subject, key) as { request: string; status: number; body: string | Buffer | null; created_at_ms: number } | undefined;
    if (row === undefined || row.created_at_ms < this.now() - keyLifetimeMs) return null;
    if (row.request !== fingerprint(request)) {
      throw conflict(`Idempotency-Key '${key}' was already used for a different request; use a new key.`);
    }
    return { status: row.status, body: row.body };
  }

  remember(subject: string, key: string, request: string, response: StoredResponse): void {
    this.save.run(key, subject, fingerprint(request), response.status, response.body, this.now());
  }
}

function fingerprint(request: string): string {
  return createHash('sha256').update(request).digest('hex');
}
