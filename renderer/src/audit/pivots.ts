import { addFilter } from '../../../shared/audit-query/index.ts';
import type { AuditRow } from '../../../shared/console-api/index.ts';

const fiveMinutes = 5 * 60_000;

export interface Pivot {
  label: string;
  query: string;
}

/** One-click follow-ups from an event: the same actor, tenant, target, request, or its minutes. */
export function pivotsFor(row: AuditRow): Pivot[] {
  const at = Date.parse(row.occurredAt);
  const pivots: Pivot[] = [{ label: 'Same actor', query: addFilter('', 'actor', row.actorEmail ?? row.actorId) }];
  if (row.tenantId !== null) pivots.push({ label: 'Same tenant', query: addFilter('', 'tenant', row.tenantId) });
  if (row.targetId !== null) pivots.push({ label: 'Same target', query: addFilter('', 'target', `${row.targetType}:${row.targetId}`) });
  if (row.requestId !== null) pivots.push({ label: 'Same request', query: addFilter('', 'request', row.requestId) });
  pivots.push({
    label: '±5 minutes',
    query: `after:${new Date(at - fiveMinutes).toISOString()} before:${new Date(at + fiveMinutes).toISOString()}`,
  });
  return pivots;
}
