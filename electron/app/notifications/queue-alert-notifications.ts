import { deepLinkOf, deepLinkRoute } from '../../../shared/deep-link.ts';
import type { EventBus } from '../../services/event-bus.ts';

/** Shows one desktop notification; a click opens `route` (the queue), as its opsdeck:// link would. */
export type Notify = (notice: { title: string; body: string; route: string }) => void;

/**
 * A desktop notification per queue alert crossing and recovery, from the main process, so it
 * shows with the window closed. Each notice once: a re-sent state with the same latest is not shown again.
 */
export function showQueueAlertNotifications(events: Pick<EventBus, 'subscribe'>, notify: Notify): () => void {
  const shown = new Set<string>();
  return events.subscribe((event, payload) => {
    if (event !== 'queues/alerts') return;
    const latest = (payload as { latest: { id: string; state: 'raised' | 'recovered'; queue: string; message: string } | null }).latest;
    if (latest === null || shown.has(latest.id)) return;
    shown.add(latest.id);
    notify({
      title: latest.state === 'raised' ? `Queue alert: ${latest.queue}` : `Recovered: ${latest.queue}`,
      body: latest.message,
      route: deepLinkRoute(deepLinkOf({ kind: 'queue', name: latest.queue }))!,
    });
  });
}
