import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { nativeNotifier } from '../../electron/app/notifications/native-notifier.ts';
import { showQueueAlertNotifications } from '../../electron/app/notifications/queue-alert-notifications.ts';
import { showQueueAlertBadge } from '../../electron/app/tray/alert-badge.ts';
import { createAppTray, trayIconPath } from '../../electron/app/tray/app-tray.ts';
import { createEventBus } from '../../electron/services/event-bus.ts';
import type { QueueAlert, QueueAlertNotice } from '../../shared/console-api/index.ts';
import { FakeNotification, FakeTray, fakeElectron, resetFakeElectron } from '../fakes/fake-electron.ts';

vi.mock('electron', async () => (await import('../fakes/fake-electron.ts')).fakeElectron);

beforeEach(resetFakeElectron);

const alert = (queue: string, kind: QueueAlert['kind']): QueueAlert => ({ queue, kind, message: `${queue} is ${kind}`, since: '2026-12-01T00:00:00.000Z' });
const notice = (id: string, queue: string, state: QueueAlertNotice['state']): QueueAlertNotice => ({ id, queue, kind: 'backing-up', state, message: `${queue} ${state}`, at: '2026-12-01T00:00:00.000Z' });

describe('tray and dock badge over the FAKE electron module', () => {
  it('counts queues in alert (a queue past two thresholds once), on the dock, the tooltip and the macOS tray title', () => {
    const events = createEventBus();
    const tray = new FakeTray(fakeElectron.nativeImage.createFromPath('/icon.png'));
    showQueueAlertBadge(events, { app: fakeElectron.app, tray: tray as never, platform: 'darwin' });
    expect({ badge: fakeElectron.app.badgeCount, toolTip: tray.toolTip, title: tray.title }).toEqual({ badge: 0, toolTip: 'Opsdeck', title: '' });

    events.emit('queues/alerts', { open: [alert('emails', 'backing-up'), alert('emails', 'failing'), alert('billing', 'old-waiting')], latest: null });
    expect({ badge: fakeElectron.app.badgeCount, toolTip: tray.toolTip, title: tray.title }).toEqual({ badge: 2, toolTip: 'Opsdeck: 2 queues in alert', title: '2' });

    events.emit('queues/alerts', { open: [alert('billing', 'old-waiting')], latest: null });
    expect(tray.toolTip).toBe('Opsdeck: 1 queue in alert');

    events.emit('queues/alerts', { open: [], latest: null });
    expect({ badge: fakeElectron.app.badgeCount, toolTip: tray.toolTip, title: tray.title }).toEqual({ badge: 0, toolTip: 'Opsdeck', title: '' });
  });

  it('leaves the tray title alone where trays show no text, and stops with its unsubscribe', () => {
    const events = createEventBus();
    const tray = new FakeTray(fakeElectron.nativeImage.createFromPath('/icon.png'));
    const setTitle = vi.spyOn(tray, 'setTitle');
    const stop = showQueueAlertBadge(events, { app: fakeElectron.app, tray: tray as never, platform: 'linux' });
    events.emit('queues/alerts', { open: [alert('emails', 'failing')], latest: null });
    expect(fakeElectron.app.badgeCount).toBe(1);
    expect(setTitle).not.toHaveBeenCalled();
    stop();
    events.emit('queues/alerts', { open: [], latest: null });
    expect(fakeElectron.app.badgeCount).toBe(1);
  });

  it('makes a tray whose click and menu open the window, and whose menu quits', () => {
    const opened: string[] = [];
    createAppTray({ iconPath: '/app/resources/icon.png', showWindow: () => opened.push('window'), quit: () => opened.push('quit') });
    const [tray] = FakeTray.trays;
    expect(tray!.image).toMatchObject({ path: '/app/resources/icon.png', size: { width: 16, height: 16 } });
    tray!.click();
    const items = tray!.contextMenu!.items as MenuItemConstructorOptions[];
    expect(items.map((item) => item.label ?? item.type)).toEqual(['Open Opsdeck', 'separator', 'Quit Opsdeck']);
    for (const item of items) (item.click as (() => void) | undefined)?.();
    expect(opened).toEqual(['window', 'window', 'quit']);
  });

  it('finds its icon in the packaged resources, or in the repository in development', () => {
    expect(trayIconPath({ isPackaged: true, appPath: '/opt/Opsdeck/resources/app.asar', resourcesPath: '/opt/Opsdeck/resources' })).toBe('/opt/Opsdeck/resources/icon.png');
    expect(trayIconPath({ isPackaged: false, appPath: '/work/opsdeck', resourcesPath: '/usr/lib/electron/resources' })).toBe('/work/opsdeck/resources/icon.png');
  });
});

describe('native notifications click through to the queue', () => {
  it('opens the queue of the clicked notification, as its opsdeck:// link would', () => {
    const events = createEventBus();
    const opened: string[] = [];
    showQueueAlertNotifications(events, nativeNotifier((route) => opened.push(route)));
    events.emit('queues/alerts', { open: [], latest: notice('a1', 'emails', 'raised') });
    events.emit('queues/alerts', { open: [], latest: notice('a2', 'billing/eu west', 'recovered') });
    expect(FakeNotification.shown).toEqual([
      { title: 'Queue alert: emails', body: 'emails raised' },
      { title: 'Recovered: billing/eu west', body: 'billing/eu west recovered' },
    ]);
    expect(opened).toEqual([]);
    FakeNotification.made[1]!.click();
    FakeNotification.made[0]!.click();
    expect(opened).toEqual(['#/queues/billing%2Feu%20west', '#/queues/emails']);
  });

  it('shows nothing where the OS has no notifications', () => {
    FakeNotification.supported = false;
    const events = createEventBus();
    showQueueAlertNotifications(events, nativeNotifier(() => {}));
    events.emit('queues/alerts', { open: [], latest: notice('a1', 'emails', 'raised') });
    expect(FakeNotification.made).toEqual([]);
  });
});
