import type { Clock } from '../../../shared/clock.ts';
import type { EventPayload, HostHandlers, UpdateChannel, UpdaterState, UpdateStatus } from '../../../shared/console-api/index.ts';
import type { EventBus } from '../../services/event-bus.ts';
import { updateFailure } from './update-failure.ts';

/** The part of electron-updater's autoUpdater this uses; tests pass a FakeAutoUpdater. */
export interface AutoUpdaterPort {
  channel: string | null;
  allowDowngrade: boolean;
  autoDownload: boolean;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
}

/** Runs `run` every `ms` until the returned stop is called. */
export type Every = (ms: number, run: () => void) => () => void;

export interface UpdateControllerOptions {
  updater: AutoUpdaterPort;
  currentVersion: string;
  /** Why updates are off (a development build), or null when they run. */
  offReason: string | null;
  /** Carries 'settings/changed' (the channel) in, and 'updater/changed' out on every change. */
  events: Pick<EventBus, 'subscribe' | 'emit'>;
  /** What runs now that a restart would cut short (actions, imports, exports), by label. */
  busy(): string[];
  clock: Clock;
  every?: Every;
  log?: (message: string) => void;
}

export const checkIntervalMs = 6 * 60 * 60 * 1_000;

const systemEvery: Every = (ms, run) => {
  const timer = setInterval(run, ms);
  timer.unref();
  return () => clearInterval(timer);
};

type UpdaterHandlers = Pick<HostHandlers<'electron'>, 'updater/state' | 'updater/check' | 'updater/restart'>;

/**
 * The desktop app's updates: a check on start and every 6 hours, the download in the background,
 * then "ready" for the renderer's "Restart to update". It never restarts by itself, and a restart
 * asked for while work runs is refused. Pure: electron-updater comes in as a port.
 */
export function createUpdateController({ updater, currentVersion, offReason, events, busy, clock, every = systemEvery, log = console.warn }: UpdateControllerOptions) {
  let status: UpdateStatus = offReason === null ? { kind: 'idle' } : { kind: 'off', reason: offReason };
  let channel: UpdateChannel = 'stable';
  let checkedChannel: UpdateChannel | null = null;
  let nextCheckAt: number | null = null;
  let stopTimer: (() => void) | null = null;
  // Closed, it ignores the updater's events (electron-updater's own listeners must stay).
  let closed = false;

  const iso = (ms: number) => new Date(ms).toISOString();
  const state = (): UpdaterState => ({ channel, currentVersion, nextCheckAt: nextCheckAt === null ? null : iso(nextCheckAt), status });
  const set = (next: UpdateStatus) => {
    if (closed) return;
    status = next;
    events.emit('updater/changed', state());
  };
  // A downloaded update stays offered whatever later checks meet.
  const settled = () => status.kind === 'ready';
  const fail = (error: unknown) => {
    const failure = updateFailure(error);
    log(`Update check failed: ${failure.message}`);
    if (!settled()) set(failure.offline ? { kind: 'offline', checkedAt: iso(clock()) } : { kind: 'failed', checkedAt: iso(clock()), message: failure.message });
  };

  updater.on('update-available', ({ version }) => {
    if (!settled()) set({ kind: 'downloading', version, percent: 0 });
  });
  updater.on('update-not-available', () => {
    if (!settled()) set({ kind: 'up-to-date', checkedAt: iso(clock()) });
  });
  updater.on('download-progress', ({ percent }) => {
    if (status.kind === 'downloading') set({ ...status, percent: Math.min(100, Math.max(0, percent)) });
  });
  updater.on('update-downloaded', ({ version }) => set({ kind: 'ready', version }));
  updater.on('error', fail);

  function check(): void {
    if (status.kind === 'off' || status.kind === 'checking' || status.kind === 'downloading' || settled()) return;
    checkedChannel = channel;
    // electron-updater reads <channel>.yml from the generic server; stable releases are "latest".
    updater.channel = checkedChannel === 'beta' ? 'beta' : 'latest';
    // Setting a channel allows downgrades: a beta moves back to stable with the next stable release instead.
    updater.allowDowngrade = false;
    set({ kind: 'checking' });
    updater.checkForUpdates().then(
      (result) => {
        // No result: the updater is inactive (no app-update.yml), so no event will follow.
        if (result === null && status.kind === 'checking') fail(new Error('this build has no update configuration'));
      },
      (error: unknown) => {
        // Most failures came as an 'error' event already.
        if (status.kind === 'checking') fail(error);
      },
    );
  }

  const handlers: UpdaterHandlers = {
    'updater/state': async () => state(),
    'updater/check': async () => {
      check();
      return state();
    },
    'updater/restart': async () => {
      if (status.kind !== 'ready') throw new Error('no update has been downloaded yet');
      const running = busy();
      if (running.length > 0) throw new Error(`not while ${running.join(', ')} runs; restart once it has finished`);
      updater.quitAndInstall();
      return { restarting: true };
    },
  };

  // A new channel is checked at once.
  const unsubscribe = events.subscribe((event, payload) => {
    if (event !== 'settings/changed') return;
    channel = (payload as EventPayload<'settings/changed'>).updateChannel;
    if (stopTimer !== null && channel !== checkedChannel) check();
  });

  return {
    handlers,
    /** Checks now on `savedChannel`, then every 6 hours; does nothing while updates are off. */
    start(savedChannel: UpdateChannel): void {
      channel = savedChannel;
      if (status.kind === 'off' || stopTimer !== null) return;
      updater.autoDownload = true;
      const schedule = () => {
        nextCheckAt = clock() + checkIntervalMs;
      };
      schedule();
      check();
      stopTimer = every(checkIntervalMs, () => {
        schedule();
        check();
      });
    },
    close(): void {
      unsubscribe();
      stopTimer?.();
      stopTimer = null;
      closed = true;
    },
  };
}
