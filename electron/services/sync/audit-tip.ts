import type { Database } from 'better-sqlite3';
import { genesisPrevHash } from '../../../shared/audit/event-hash.ts';
import { eventDigest } from '../audit/event-digest.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import type { ChainTip } from './audit-chain.ts';
import { IntegrityError } from './integrity-error.ts';

/** The newest cached event, where the feed resumes; null for an empty cache. */
export function cachedAuditTip(db: Database): ChainTip | null {
  return (db.prepare('SELECT seq, id, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as ChainTip | undefined) ?? null;
}

/**
 * Where a first sync starts: just after the newest event older than the cache window, so a
 * year of history is not downloaded only to be pruned. That event's own hash is checked, and
 * the first synced event must link to it.
 */
export async function windowStartTip(client: OpsApiClient, windowStartMs: number): Promise<ChainTip> {
  const page = await client.call('searchAuditEvents', { query: { to: new Date(windowStartMs).toISOString(), limit: 1 } });
  const before = page.data[0];
  if (before === undefined) return { seq: 0, id: null, hash: genesisPrevHash };
  if (eventDigest(before) !== before.hash) throw new IntegrityError(before.seq, before.id, 'does not hash to its stated hash (altered)');
  return { seq: before.seq, id: before.id, hash: before.hash };
}
