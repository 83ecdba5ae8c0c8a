import { describe, expect, it } from 'vitest';
import { showQueueAlertNotifications } from '../../electron/app/notifications/queue-alert-notifications.ts';
import { createEventBus } from '../../electron/services/event-bus.ts';
import type { QueueAlertNotice } from '../../shared/console-api/index.ts';

const notice = (id: string, state: QueueAlertNotice['state']): QueueAlertNotice => ({
  id,
  queue: 'emails',
  kind: 'backing-up',
  state,
  message: state === 'raised' ? 'emails is backing up: 1,204 jobs waiting, above 1,000.' : 'emails recovered: jobs waiting back under the threshold.',
  at: '2026-12-01T00:00:00.000Z',
});

describe('desktop notifications of queue alerts (Electron host)', () => {
  it('shows each crossing and recovery once, and nothing for other events', () => {
    const events = createEventBus();
    // FAKE of Electron's Notification, named so: the Electron binary cannot run here.
    const shownByFakeNotification: Array<{ title: string; body: string; route: string }> = [];
    const stop = showQueueAlertNotifications(events, (shown) => shownByFakeNotification.push(shown));
    events.emit('queues/alerts', { open: [], latest: notice('a1', 'raised') });
    events.emit('queues/alerts', { open: [], latest: notice('a1', 'raised') });
    events.emit('cache/changed', { profileId: 'acme', resource: 'queues' });
    events.emit('queues/alerts', { open: [], latest: notice('a2', 'recovered') });
    stop();
    events.emit('queues/alerts', { open: [], latest: notice('a3', 'raised') });
    expect(shownByFakeNotification).toEqual([
      { title: 'Queue alert: emails', body: 'emails is backing up: 1,204 jobs waiting, above 1,000.', route: '#/queues/emails' },
      { title: 'Recovered: emails', body: 'emails recovered: jobs waiting back under the threshold.', route: '#/queues/emails' },
    ]);
  });
});
