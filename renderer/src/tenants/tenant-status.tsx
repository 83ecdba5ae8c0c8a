import { Badge } from '@mantine/core';
import type { TenantListRow } from '../../../shared/console-api/index.ts';
import { StatusPill } from '../components/StatusPill.tsx';
import type { PillColor } from '../components/StatusPill.tsx';

type TenantStatus = TenantListRow['status'];

const tenantStatusColors: Record<TenantStatus, PillColor> = { active: 'teal', trialing: 'blue', past_due: 'orange', suspended: 'red', churned: 'gray' };

export const tenantStatusLabel = (status: TenantStatus) => status.replace('_', ' ');

/** The status in a directory row. */
export function TenantStatusPill({ status }: { status: TenantStatus }) {
  return (
    <StatusPill color={tenantStatusColors[status]} data-status={status}>
      {tenantStatusLabel(status)}
    </StatusPill>
  );
}

/** The status in the tenant page's header. */
export function TenantStatusBadge({ status }: { status: TenantStatus }) {
  return (
    <Badge size="lg" variant="light" color={tenantStatusColors[status]} data-status={status}>
      {tenantStatusLabel(status)}
    </Badge>
  );
}
