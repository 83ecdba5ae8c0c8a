import { describe, expect, it } from 'vitest';
import { checkIntervalMs, createUpdateController } from '../../electron/app/updater/update-controller.ts';
import { updateFailure } from '../../electron/app/updater/update-failure.ts';
import { createEventBus } from '../../electron/services/event-bus.ts';
import { createDispatch } from '../../electron/services/dispatch.ts';
import { defaultSettings } from '../../shared/console-api/index.ts';
import type { DispatchHandlers, UpdaterState } from '../../shared/console-api/index.ts';
import { FakeAutoUpdater, FakeInterval } from '../fakes/fake-auto-updater.ts';

const startedAt = Date.parse('2026-03-01T09:00:00.000Z');

function controller({ offReason = null as string | null, busy = [] as string[] } = {}) {
  let now = startedAt;
  const updater = new FakeAutoUpdater();
  const interval = new FakeInterval();
  const events = createEventBus();
  const pushed: UpdaterState[] = [];
  events.subscribe((event, payload) => event === 'updater/changed' && pushed.push(payload as UpdaterState));
  const work = { busy };
  const updates = createUpdateController({
    updater,
    currentVersion: '1.4.0',
    offReason,
    events,
    busy: () => work.busy,
    clock: () => now,
    every: interval.every,
    log: () => {},
  });
  const state = () => updates.handlers['updater/state']({});
  const check = () => updates.handlers['updater/check']({});
  const restart = () => updates.handlers['updater/restart']({});
  return { updater, interval, events, pushed, work, updates, state, check, restart, advance: (ms: number) => (now += ms) };
}

/** Lets the check's promise settle. */
const settle = () => new Promise((done) => setImmediate(done));

describe('update controller over a FakeAutoUpdater', () => {
  it('is off in a development build: no check, no schedule, no restart', async () => {
    const { updater, interval, updates, state, check, restart } = controller({ offReason: 'Updates are off in development builds.' });
    updates.start('stable');
    await check();
    expect(updater.checks).toBe(0);
    expect(interval.running).toBe(false);
    expect(await state()).toEqual({ channel: 'stable', currentVersion: '1.4.0', nextCheckAt: null, status: { kind: 'off', reason: 'Updates are off in development builds.' } });
    await expect(restart()).rejects.toThrow('no update has been downloaded yet');
  });

  it('checks on start on the stable channel, downloads in the background, then offers the restart', async () => {
    const { updater, interval, pushed, updates, state, restart } = controller();
    updates.start('stable');
    expect(updater).toMatchObject({ checks: 1, channel: 'latest', autoDownload: true, allowDowngrade: false });
    expect(interval.intervalMs).toBe(checkIntervalMs);
    expect((await state()).nextCheckAt).toBe('2026-03-01T15:00:00.000Z');

    updater.available('1.5.0');
    updater.progress(42.5);
    updater.progress(100);
    updater.downloaded('1.5.0');
    expect(pushed.map((state) => state.status)).toEqual([
      { kind: 'checking' },
      { kind: 'downloading', version: '1.5.0', percent: 0 },
      { kind: 'downloading', version: '1.5.0', percent: 42.5 },
      { kind: 'downloading', version: '1.5.0', percent: 100 },
      { kind: 'ready', version: '1.5.0' },
    ]);
    expect(updater.quitAndInstallCalls).toBe(0);
    expect(await restart()).toEqual({ restarting: true });
    expect(updater.quitAndInstallCalls).toBe(1);
  });

  it('says up to date when nothing newer is on the server', async () => {
    const { updater, updates, state } = controller();
    updates.start('stable');
    updater.notAvailable('1.4.0');
    await settle();
    expect((await state()).status).toEqual({ kind: 'up-to-date', checkedAt: '2026-03-01T09:00:00.000Z' });
  });

  it('is offline without a network, and the next check six hours later tries again', async () => {
    const { updater, interval, updates, state, advance } = controller();
    updates.start('stable');
    updater.offline();
    await settle();
    expect((await state()).status).toEqual({ kind: 'offline', checkedAt: '2026-03-01T09:00:00.000Z' });

    advance(checkIntervalMs);
    interval.fire();
    expect(updater.checks).toBe(2);
    expect((await state()).nextCheckAt).toBe('2026-03-01T21:00:00.000Z');
    updater.notAvailable('1.4.0');
    expect((await state()).status).toEqual({ kind: 'up-to-date', checkedAt: '2026-03-01T15:00:00.000Z' });
  });

  it('reports another failure with its reason on one line', async () => {
    const { updater, updates, state } = controller();
    updates.start('beta');
    updater.fail(new Error('Cannot find channel "beta.yml" update info: HttpError: 404\n"method: GET url: https://updates.opsdeck.dev/beta.yml"\nHeaders: {}'));
    await settle();
    expect((await state()).status).toEqual({ kind: 'failed', checkedAt: '2026-03-01T09:00:00.000Z', message: 'Cannot find channel "beta.yml" update info: HttpError: 404' });
  });

  it('fails a download that breaks off, and checks again at the next interval', async () => {
    const { updater, interval, updates, state } = controller();
    updates.start('stable');
    updater.available('1.5.0');
    updater.progress(30);
    updater.failDownload(new Error('sha512 checksum mismatch'));
    expect((await state()).status).toMatchObject({ kind: 'failed', message: 'sha512 checksum mismatch' });
    interval.fire();
    expect(updater.checks).toBe(2);
  });

  it('keeps the download progress within 0–100 whatever the updater reports', async () => {
    const { updater, updates, state } = controller();
    updates.start('stable');
    updater.available('1.5.0');
    updater.progress(140);
    expect((await state()).status).toEqual({ kind: 'downloading', version: '1.5.0', percent: 100 });
    updater.progress(-3);
    expect((await state()).status).toEqual({ kind: 'downloading', version: '1.5.0', percent: 0 });
  });

  it('fails plainly when the build has no update configuration', async () => {
    const { updater, updates, state } = controller();
    updates.start('stable');
    updater.inactive();
    await settle();
    expect((await state()).status).toMatchObject({ kind: 'failed', message: 'this build has no update configuration' });
  });

  it('never restarts on its own, and refuses a restart while work runs', async () => {
    const { updater, interval, work, updates, restart } = controller({ busy: ['Importing audit-2026-11.ndjson', 'a queue action'] });
    updates.start('stable');
    updater.available('1.5.0');
    updater.downloaded('1.5.0');
    for (let tick = 0; tick < 5; tick++) interval.fire();
    // Ready stays ready: no further check, and no restart without the user.
    expect(updater.checks).toBe(1);
    expect(updater.quitAndInstallCalls).toBe(0);

    // Only the updater's handlers: this dispatch serves no other call.
    const dispatch = createDispatch(updates.handlers as unknown as DispatchHandlers, () => {});
    expect(await dispatch('updater/restart', {})).toEqual({
      ok: false,
      error: { code: 'failed', message: 'updater/restart failed: not while Importing audit-2026-11.ndjson, a queue action runs; restart once it has finished' },
    });
    expect(updater.quitAndInstallCalls).toBe(0);

    work.busy = [];
    expect(await restart()).toEqual({ restarting: true });
    expect(updater.quitAndInstallCalls).toBe(1);
  });

  it('keeps an offered update when a later check fails', async () => {
    const { updater, updates, state } = controller();
    updates.start('stable');
    updater.available('1.5.0');
    updater.downloaded('1.5.0');
    updater.offline();
    expect((await state()).status).toEqual({ kind: 'ready', version: '1.5.0' });
  });

  it('checks the beta channel at once when the setting changes, not on other settings', async () => {
    const { updater, events, updates, state } = controller();
    updates.start('stable');
    updater.notAvailable('1.4.0');
    await settle();
    events.emit('settings/changed', { ...defaultSettings, theme: 'dark' });
    expect(updater.checks).toBe(1);
    events.emit('settings/changed', { ...defaultSettings, updateChannel: 'beta' });
    expect(updater.checkedChannels).toEqual(['latest', 'beta']);
    expect(updater.allowDowngrade).toBe(false);
    expect((await state()).channel).toBe('beta');
  });

  it('stops checking once closed, and leaves the updater\'s events alone', async () => {
    const { updater, interval, events, pushed, updates, state } = controller();
    updates.start('stable');
    updates.close();
    expect(interval.running).toBe(false);
    updater.available('1.5.0');
    updater.offline();
    events.emit('settings/changed', { ...defaultSettings, updateChannel: 'beta' });
    expect(updater.checks).toBe(1);
    expect(pushed.map((pushedState) => pushedState.status.kind)).toEqual(['checking']);
    expect((await state()).status).toEqual({ kind: 'checking' });
  });
});

describe('update check failures', () => {
  it('tells a network that is down or a server out of reach from other failures', () => {
    for (const reason of ['net::ERR_INTERNET_DISCONNECTED', 'net::ERR_NAME_NOT_RESOLVED', 'getaddrinfo ENOTFOUND updates.opsdeck.dev', 'connect ECONNREFUSED 10.0.0.1:443', 'read ETIMEDOUT', 'net::ERR_CONNECTION_RESET']) {
      expect(updateFailure(new Error(reason))).toEqual({ offline: true, message: reason });
    }
    expect(updateFailure(new Error('HttpError: 503 Service Unavailable'))).toEqual({ offline: false, message: 'HttpError: 503 Service Unavailable' });
  });

  it('always has a reason, on one line and of a readable length', () => {
    expect(updateFailure(new Error(''))).toEqual({ offline: false, message: 'Error with no message' });
    expect(updateFailure('thrown text')).toEqual({ offline: false, message: 'a non-error was thrown: thrown text' });
    expect(updateFailure(new Error(`\n  ${'x'.repeat(400)}\nstack`)).message).toBe(`${'x'.repeat(300)}…`);
  });
});
