import { z } from 'zod';
import { isoTime } from './common.ts';

export const statusLevel = z.enum(['operational', 'degraded', 'partial_outage', 'major_outage', 'under_maintenance']);
export type StatusLevel = z.infer<typeof statusLevel>;

export const platformStatus = z
  .object({
    status: statusLevel,
    components: z.array(
      z.object({ name: z.string(), status: statusLevel, latency_ms: z.number().int().min(0), checked_at: isoTime }),
    ),
  })
  .meta({ id: 'PlatformStatus' });
export type PlatformStatus = z.infer<typeof platformStatus>;
