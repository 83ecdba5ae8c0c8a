import type { AuditRow } from '../../../shared/console-api/index.ts';
import { StatusPill } from '../components/StatusPill.tsx';
import type { PillColor } from '../components/StatusPill.tsx';

const colors: Record<AuditRow['outcome'], PillColor> = { success: 'teal', failure: 'red', denied: 'orange' };

export function OutcomeBadge({ outcome }: { outcome: AuditRow['outcome'] }) {
  return (
    <StatusPill color={colors[outcome]} plainCase>
      {outcome}
    </StatusPill>
  );
}
