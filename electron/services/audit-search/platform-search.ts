import { parseAuditQuery } from '../../../shared/audit-query/index.ts';
import type { Clock } from '../../../shared/clock.ts';
import { planServerSearch } from '../../../shared/audit-query/server-search.ts';
import type { AuditRow, ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import type { AuditEvent } from '../../../shared/ops-api/index.ts';
import type { SourceReaders } from '../reader/source-readers.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import { opsApiConnectionOf } from '../profiles/profile-connection.ts';
import type { ProfileConnection } from '../profiles/profile-connection.ts';

export interface PlatformSearchOptions {
  readers: SourceReaders;
  defaultSource(): SourceId | null;
  connectionFor(profileId: string): Promise<ProfileConnection>;
  /** Relative times (after:24h) count back from it. */
  clock: Clock;
}

/**
 * `audit/search-platform`: what the cache window does not hold, from the profile's platform.
 * The query is mapped onto the server's parameters and limited to before the oldest cached
 * event; a query the server cannot express is refused with the parts it cannot, never widened.
 */
export function createPlatformSearch({ readers, defaultSource, connectionFor, clock }: PlatformSearchOptions): Pick<ConsoleHandlers, 'audit/search-platform'> {
  return {
    'audit/search-platform': async ({ q, source, cursor, limit }) => {
      const id = source ?? defaultSource();
      if (id === null || !id.startsWith('profile:')) throw new Error('Only a platform profile can be searched server-side; an imported file has no platform behind it.');
      const parsed = parseAuditQuery(q);
      if (!parsed.ok) throw new Error(`Invalid query: ${parsed.error.message}`);
      const reader = await readers.reader(id);
      const oldest = (await reader?.call('audit.oldestTs', {})) ?? null;
      const plan = planServerSearch(parsed.query, { now: clock(), before: oldest });
      const before = oldest === null ? null : new Date(oldest).toISOString();
      if (!plan.ok) return { rows: [], nextCursor: null, before, unsupported: plan.unsupported };
      const params = { ...plan.params, ...(plan.params.tenant_id && reader ? { tenant_id: await reader.call('audit.tenantIdOf', { value: plan.params.tenant_id }) } : {}) };
      const client = createOpsApiClient(opsApiConnectionOf(await connectionFor(id.slice('profile:'.length)), 'search the platform'));
      const page = await client.call('searchAuditEvents', { query: { ...params, limit, ...(cursor === undefined ? {} : { cursor }) } });
      const names = reader === null ? {} : await reader.call('tenants.names', { ids: page.data.flatMap((event) => (event.tenant_id === null ? [] : [event.tenant_id])) });
      return { rows: page.data.map((event) => rowOfEvent(event, names)), nextCursor: page.next_cursor, before, unsupported: null };
    },
  };
}

function rowOfEvent(event: AuditEvent, tenantNames: Record<string, string>): AuditRow {
  return {
    seq: event.seq,
    id: event.id,
    occurredAt: new Date(event.occurred_at).toISOString(),
    tenantId: event.tenant_id,
    tenantName: event.tenant_id === null ? null : (tenantNames[event.tenant_id] ?? null),
    actorType: event.actor.type,
    actorId: event.actor.id,
    actorEmail: event.actor.email ?? null,
    actorName: event.actor.name ?? null,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    targetName: event.target?.name ?? null,
    outcome: event.outcome,
    ip: event.ip,
    requestId: event.request_id,
  };
}
