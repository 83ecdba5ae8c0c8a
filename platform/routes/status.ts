import type { PlatformStatus, StatusLevel } from '../../shared/ops-api/index.ts';
import { statusLevel } from '../../shared/ops-api/index.ts';
import { iso } from '../demo-data/time.ts';
import type { Handlers, PlatformContext } from './handler.ts';

/** A queue whose oldest waiting job is older than this makes the platform "degraded". */
const backlogAgeLimitMs = 15 * 60_000;

export function statusHandlers(platform: PlatformContext): Pick<Handlers, 'getStatus' | 'getMe'> {
  return {
    getStatus: () => {
      const started = performance.now();
      platform.db.prepare('SELECT 1').get();
      const dbLatency = Math.round(performance.now() - started);
      const oldest = platform.db.prepare("SELECT min(created_at) AS at FROM jobs WHERE state = 'waiting'").get() as { at: string | null };
      const backlogAge = oldest.at === null ? 0 : platform.now() - Date.parse(oldest.at);
      const failing = platform.db.prepare("SELECT avg(status = 'failing') AS share FROM connections WHERE status != 'disconnected'").get() as { share: number | null };
      const checkedAt = iso(platform.now());
      const components: PlatformStatus['components'] = [
        { name: 'api', status: 'operational', latency_ms: 0, checked_at: checkedAt },
        { name: 'database', status: 'operational', latency_ms: dbLatency, checked_at: checkedAt },
        { name: 'queue-workers', status: backlogAge > backlogAgeLimitMs ? 'degraded' : 'operational', latency_ms: 0, checked_at: checkedAt },
        { name: 'connector-sync', status: (failing.share ?? 0) > 0.2 ? 'partial_outage' : 'operational', latency_ms: 0, checked_at: checkedAt },
      ];
      return { status: worst(components.map((component) => component.status)), components } satisfies PlatformStatus;
    },
    getMe: ({ principal }) => ({ subject: principal.subject, scopes: principal.scopes, platform: platform.platform }),
  };
}

function worst(levels: StatusLevel[]): StatusLevel {
  const order = statusLevel.options;
  return levels.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a), 'operational');
}
