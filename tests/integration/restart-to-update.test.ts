import type { WebContents } from 'electron';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindConsoleApi } from '../../electron/app/ipc/ipc-binding.ts';
import { createSenderCheck } from '../../electron/app/ipc/sender-check.ts';
import { createUpdateController } from '../../electron/app/updater/update-controller.ts';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import type { ConsoleServices } from '../../electron/services/console-services.ts';
import { createDispatch } from '../../electron/services/dispatch.ts';
import type { HostHandlers, Job } from '../../shared/console-api/index.ts';
import { methodChannel } from '../../shared/preload-bridge.ts';
import { writeChainFile } from '../fixtures/audit-chain.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { FakeAutoUpdater, FakeInterval } from '../fakes/fake-auto-updater.ts';
import { FakeIpcMain, fakeWindow } from '../fakes/fake-electron.ts';

// The desktop dispatch as main.ts composes it (the real services and the updater over a
// FakeAutoUpdater), called over the IPC binding as the window would.
const dataDir = makeDataDir();
let services: ConsoleServices;
const updater = new FakeAutoUpdater();
const ipcMain = new FakeIpcMain();
const window = fakeWindow(1, 'app://opsdeck/index.html');
const call = (method: string, input: unknown = {}) => ipcMain.invoke(methodChannel(method), window.eventFrom(window.mainFrame), input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

beforeAll(() => {
  services = createConsoleServices({ dataDir: dataDir.path, host: 'electron', version: '1.4.0', demo: null });
  const updates = createUpdateController({ updater, currentVersion: '1.4.0', offReason: null, events: services.events, busy: services.busy, clock: Date.now, every: new FakeInterval().every, log: () => {} });
  const desktopOnly: HostHandlers<'electron'> = updates.handlers;
  const isTrusted = createSenderCheck(() => window.contents as unknown as WebContents, ['app://opsdeck']);
  bindConsoleApi(ipcMain, createDispatch({ ...services.handlers, ...desktopOnly }, () => {}), isTrusted);
  updates.start('stable');
  updater.available('1.5.0');
  updater.downloaded('1.5.0');
});
afterAll(async () => {
  await services.close();
  dataDir.remove();
});

function jobEnded(jobId: string): Promise<Job> {
  return new Promise((done) => {
    const stop = services.events.subscribe((event, payload) => {
      const job = event === 'jobs/changed' ? (payload as { jobs: Job[] }).jobs.find((candidate) => candidate.id === jobId) : undefined;
      if (job !== undefined && job.state !== 'running') {
        stop();
        done(job);
      }
    });
  });
}

describe('Restart to update in the desktop app, with the real services', () => {
  it('is refused while an import runs, saying which, and goes ahead once it has finished', async () => {
    const file = join(dataDir.path, 'q3-audit.ndjson');
    writeChainFile(file, 300);
    const token = services.files.register(file).token;
    const started = await call('sources/import', { files: [token], name: 'Q3 audit' });
    const { jobId } = started.value as { jobId: string };
    const ended = jobEnded(jobId);

    expect(await call('updater/restart')).toEqual({
      ok: false,
      error: { code: 'failed', message: 'updater/restart failed: not while Importing q3-audit.ndjson as “Q3 audit” runs; restart once it has finished' },
    });
    expect(updater.quitAndInstallCalls).toBe(0);

    expect((await ended).state).toBe('done');
    expect(await call('updater/restart')).toEqual({ ok: true, value: { restarting: true } });
    expect(updater.quitAndInstallCalls).toBe(1);
  });

  it('counts a queue action as running work while it is in flight', async () => {
    const acting = call('queues/act', { kind: 'pause', queue: 'emails' });
    expect(services.busy()).toEqual(['a queue action']);
    // No profile is active, so the action fails; either way it no longer counts.
    expect(await acting).toMatchObject({ ok: false, error: { message: 'queues/act failed: No platform profile is active.' } });
    expect(services.busy()).toEqual([]);
  });

  it('answers the updater state over IPC', async () => {
    expect(await call('updater/state')).toEqual({ ok: true, value: { channel: 'stable', currentVersion: '1.4.0', nextCheckAt: expect.any(String), status: { kind: 'ready', version: '1.5.0' } } });
  });
});
