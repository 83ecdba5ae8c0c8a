import { Badge } from '@mantine/core';
import type { TenantListRow } from '../../../shared/console-api/index.ts';

type TenantStatus = TenantListRow['status'];

/** A tenant status's colour, for any view that shows one. */
export const tenantStatusColors: Record<TenantStatus, string> = { active: 'teal', trialing: 'blue', past_due: 'orange', suspended: 'red', churned: 'gray' };

export const tenantStatusLabel = (status: TenantStatus) => status.replace('_', ' ');

export function TenantStatusBadge({ status, size = 'sm' }: { status: TenantStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge size={size} variant="light" color={tenantStatusColors[status]} data-status={status}>
      {tenantStatusLabel(status)}
    </Badge>
  );
}
