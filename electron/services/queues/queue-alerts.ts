import type { Clock } from '../../../shared/clock.ts';
import type { ConsoleHandlers, QueueAlertSettings, QueueAlertsState, SourceId } from '../../../shared/console-api/index.ts';
import { errorReason } from '../error-reason.ts';
import type { EventBus } from '../event-bus.ts';
import type { SourceReaders } from '../reader/source-readers.ts';
import { AlertIncidents } from './alert-incidents.ts';

export interface QueueAlertsOptions {
  events: EventBus;
  readers: SourceReaders;
  activeProfileId(): string | null;
  activeCache(): SourceId | null;
  alertSettings(): QueueAlertSettings;
  clock: Clock;
  warn?: (message: string) => void;
}

/**
 * Evaluates the active profile's queue thresholds in the main process each time the sync
 * brings new queue samples, so alerts fire with no window open. Pushes `queues/alerts` on
 * every crossing and recovery; the hosts turn those into desktop notifications.
 */
export function createQueueAlerts({ events, readers, activeProfileId, activeCache, alertSettings, clock, warn = console.warn }: QueueAlertsOptions) {
  let incidents: AlertIncidents | null = null;
  let latest: QueueAlertsState['latest'] = null;
  let running: Promise<void> = Promise.resolve();

  const state = (): QueueAlertsState => ({ open: incidents?.current() ?? [], latest });

  async function evaluate(): Promise<void> {
    const profileId = activeProfileId();
    const source = activeCache();
    if (profileId === null || source === null) return;
    const reader = await readers.reader(source);
    if (reader === null) return;
    const settings = alertSettings();
    const summaries = await reader.call('queues.summaries', { alerts: settings });
    // Another profile's queues start with no incidents.
    if (incidents?.profileId !== profileId) {
      incidents = new AlertIncidents(profileId);
      latest = null;
    }
    for (const notice of incidents.update(summaries, settings, new Date(clock()).toISOString())) {
      latest = notice;
      events.emit('queues/alerts', state());
    }
  }

  // One evaluation at a time, in the order the samples came.
  const queueEvaluation = () => {
    running = running.then(evaluate).catch((error: unknown) => warn(`Queue alerts could not be evaluated: ${errorReason(error)}`));
  };
  const unsubscribe = events.subscribe((event, payload) => {
    if (event === 'cache/changed' && (payload as { resource: string }).resource === 'queues') queueEvaluation();
    if (event === 'settings/changed') queueEvaluation();
  });

  const handlers: Pick<ConsoleHandlers, 'queues/alerts'> = { 'queues/alerts': async () => state() };
  return {
    handlers,
    /** Settles once the evaluations asked for so far are done. */
    settled: () => running,
    close: unsubscribe,
  };
}
