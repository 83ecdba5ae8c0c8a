import type { App, Tray } from 'electron';
import type { EventPayload, QueueAlertsState } from '../../../shared/console-api/index.ts';
import type { EventBus } from '../../services/event-bus.ts';

/** How many queues are in alert: a queue past two thresholds counts once. */
export function queuesInAlert({ open }: Pick<QueueAlertsState, 'open'>): number {
  return new Set(open.map((alert) => alert.queue)).size;
}

export interface BadgeTargets {
  /** The dock (macOS) and launcher (Linux Unity) badge. */
  app: Pick<App, 'setBadgeCount'>;
  tray: Pick<Tray, 'setToolTip' | 'setTitle'>;
  platform: NodeJS.Platform;
}

/**
 * Keeps the tray and the dock showing how many queues are in alert, from each 'queues/alerts'
 * the main process pushes: the dock's badge, the tray's tooltip, and on macOS the number beside
 * the tray icon (Windows and Linux trays show no text).
 */
export function showQueueAlertBadge(events: Pick<EventBus, 'subscribe'>, { app, tray, platform }: BadgeTargets): () => void {
  const show = (count: number) => {
    app.setBadgeCount(count);
    tray.setToolTip(count === 0 ? 'Opsdeck' : `Opsdeck: ${count} ${count === 1 ? 'queue' : 'queues'} in alert`);
    if (platform === 'darwin') tray.setTitle(count === 0 ? '' : String(count));
  };
  show(0);
  return events.subscribe((event, payload) => {
    if (event === 'queues/alerts') show(queuesInAlert(payload as EventPayload<'queues/alerts'>));
  });
}
