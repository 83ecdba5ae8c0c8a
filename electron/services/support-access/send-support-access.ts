import { addFilter } from '../../../shared/audit-query/index.ts';
import type { AuditEvent } from '../../../shared/ops-api/audit.ts';
import { errorReason } from '../error-reason.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import { OpsApiError } from '../ops-api/ops-api-error.ts';
import type { ProfileConnection } from '../profiles/profile-connection.ts';
import { opsApiConnectionOf } from '../profiles/profile-connection.ts';
import type { PendingAccess } from './support-access-queue.ts';

export type SendResult =
  | { outcome: 'logged'; eventId: string; auditQuery: string }
  /** Try again later with the same key: the platform may have recorded it or not. */
  | { outcome: 'unreachable'; reason: string }
  /** The platform said no (scope, unknown tenant…): sending it again would not change that. */
  | { outcome: 'refused'; reason: string };

/** How long one attempt waits: a queued access is tried again later, so a dead link should not hold the prompt. */
const attemptTimeoutMs = 5_000;

/** One attempt to have the platform record a pending access, with its own Idempotency-Key. */
export async function sendSupportAccess(connect: () => Promise<ProfileConnection>, entry: PendingAccess): Promise<SendResult> {
  let connection;
  try {
    connection = opsApiConnectionOf(await connect(), 'log support access');
  } catch (error) {
    return { outcome: 'unreachable', reason: errorReason(error) };
  }
  const client = createOpsApiClient({ ...connection, timeoutMs: Math.min(connection.timeoutMs, attemptTimeoutMs) }, { limit: 1, maxRetryAfterMs: attemptTimeoutMs });
  try {
    const { event } = await client.call('createSupportAccess', { body: entry.request, idempotencyKey: entry.idempotencyKey });
    return { outcome: 'logged', eventId: event.id, auditQuery: auditQueryFor(event) };
  } catch (error) {
    if (error instanceof OpsApiError && !error.isUnreachable) return { outcome: 'refused', reason: error.message };
    return { outcome: 'unreachable', reason: errorReason(error) };
  }
}

/** An audit query that finds exactly this event: its request id is unique to the call that made it. */
function auditQueryFor(event: AuditEvent): string {
  const action = addFilter('', 'action', event.action);
  const query = event.tenant_id === null ? action : addFilter(action, 'tenant', event.tenant_id);
  return event.request_id === null ? addFilter(query, 'after', event.occurred_at) : addFilter(query, 'request', event.request_id);
}
