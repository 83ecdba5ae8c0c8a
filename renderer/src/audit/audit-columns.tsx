import { Text } from '@mantine/core';
import { columnSizingFeature, columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { AuditRow } from '../../../shared/console-api/index.ts';
import { Timestamp } from '../components/Timestamp.tsx';
import { OutcomeBadge } from './OutcomeBadge.tsx';

export const auditTableFeatures = tableFeatures({ columnVisibilityFeature, columnSizingFeature });
const helper = createColumnHelper<typeof auditTableFeatures, AuditRow>();

const dimmed = (text: string | null) => (
  <Text span size="sm" c={text === null ? 'dimmed' : undefined} truncate="end">
    {text ?? '—'}
  </Text>
);

/** The audit table's columns; widths in px. */
export const auditColumns = helper.columns([
  helper.accessor('occurredAt', { id: 'time', header: 'Time', size: 210, cell: (info) => <Timestamp iso={info.getValue()} dense /> }),
  helper.accessor((row) => row.actorEmail ?? row.actorName ?? row.actorId, { id: 'actor', header: 'Actor', size: 230, cell: (info) => dimmed(info.getValue()) }),
  helper.accessor('action', { id: 'action', header: 'Action', size: 200, cell: (info) => <Text span size="sm" ff="monospace">{info.getValue()}</Text> }),
  helper.accessor((row) => (row.targetId === null ? null : row.targetName ?? `${row.targetType}:${row.targetId}`), { id: 'target', header: 'Target', size: 220, cell: (info) => dimmed(info.getValue()) }),
  helper.accessor((row) => row.tenantName ?? row.tenantId, { id: 'tenant', header: 'Tenant', size: 170, cell: (info) => <TenantCell row={info.row.original} /> }),
  helper.accessor('outcome', { id: 'outcome', header: 'Outcome', size: 100, cell: (info) => <OutcomeBadge outcome={info.getValue()} /> }),
  helper.accessor('ip', { id: 'ip', header: 'IP', size: 140, cell: (info) => dimmed(info.getValue()) }),
  helper.accessor('seq', { id: 'seq', header: 'Seq', size: 90, cell: (info) => <Text span size="sm" c="dimmed">{info.getValue()}</Text> }),
  helper.accessor('id', { id: 'id', header: 'Event id', size: 200, cell: (info) => <Text span size="xs" ff="monospace" c="dimmed">{info.getValue()}</Text> }),
]);

/** A tenant by its cached name, its id on hover; the id alone when the cache does not know it. */
function TenantCell({ row }: { row: AuditRow }) {
  if (row.tenantName === null) return dimmed(row.tenantId);
  return (
    <Text span size="sm" truncate="end" title={row.tenantId ?? undefined}>
      {row.tenantName}
    </Text>
  );
}

export const defaultHiddenColumns = { seq: false, id: false };
