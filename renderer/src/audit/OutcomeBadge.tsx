import { Badge } from '@mantine/core';
import type { AuditRow } from '../../../shared/console-api/index.ts';

const colors: Record<AuditRow['outcome'], string> = { success: 'teal', failure: 'red', denied: 'orange' };

export function OutcomeBadge({ outcome }: { outcome: AuditRow['outcome'] }) {
  return (
    <Badge size="sm" variant="light" color={colors[outcome]} tt="none">
      {outcome}
    </Badge>
  );
}
