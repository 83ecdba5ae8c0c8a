import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/services/dispatch.ts';
import { consoleMethodNames, hostsOf } from '../../shared/console-api/index.ts';
import type { ConsoleHandlers, DispatchHandlers, HostHandlers } from '../../shared/console-api/index.ts';

const desktopOnly = consoleMethodNames.filter((method) => !hostsOf(method).includes('web'));

describe('host-specific console methods', () => {
  it('marks the updater as served by the desktop app only', () => {
    expect(desktopOnly).toEqual(expect.arrayContaining(['updater/state', 'updater/check', 'updater/restart']));
    expect(hostsOf('settings/get')).toEqual(['electron', 'web']);
  });

  it('answers a method its host does not serve as not available, before reading the input', async () => {
    // The shared handlers only, as the web host has them: nothing stands in for the updater.
    const dispatch = createDispatch({} as ConsoleHandlers, () => {});
    for (const method of desktopOnly) {
      expect(await dispatch(method, { anything: 'at all' })).toEqual({
        ok: false,
        error: { code: 'not-available', message: `${method}: not available in the browser, only in the Opsdeck desktop app.` },
      });
    }
  });

  it('serves it where the host hands its handler in', async () => {
    const state = { channel: 'stable', currentVersion: '1.0.0', nextCheckAt: null, status: { kind: 'idle' } } as const;
    const desktop: Pick<HostHandlers<'electron'>, 'updater/state'> = { 'updater/state': async () => state };
    const dispatch = createDispatch({ ...desktop } as DispatchHandlers, () => {});
    expect(await dispatch('updater/state', {})).toEqual({ ok: true, value: state });
    expect(await dispatch('updater/state', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('keeps host-specific methods out of the handlers every host must implement', () => {
    type Shared = keyof ConsoleHandlers;
    // @ts-expect-error the web host need not fake the updater
    const notShared: Shared = 'updater/state';
    const shared: Shared = 'settings/get';
    expect([notShared, shared]).toHaveLength(2);
  });
});
