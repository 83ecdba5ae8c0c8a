import type { PlatformStatus } from '../../../shared/ops-api/index.ts';

type StatusLevel = PlatformStatus['status'];

/** Statuspage's words and colours for a component's state. */
export const statusLevels: Record<StatusLevel, { label: string; color: string }> = {
  operational: { label: 'Operational', color: 'teal' },
  degraded: { label: 'Degraded performance', color: 'yellow' },
  partial_outage: { label: 'Partial outage', color: 'orange' },
  major_outage: { label: 'Major outage', color: 'red' },
  under_maintenance: { label: 'Under maintenance', color: 'blue' },
};
