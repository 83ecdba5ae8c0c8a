import { EventEmitter } from 'node:events';
import type { AutoUpdaterPort } from '../../electron/app/updater/update-controller.ts';

/**
 * FAKE of electron-updater's autoUpdater, named so: no update server or packaged app here. A
 * check stays pending until the test answers it as electron-updater would, with its events
 * ('update-available', 'download-progress', 'update-downloaded', 'update-not-available', 'error')
 * and the check's promise.
 */
export class FakeAutoUpdater extends EventEmitter implements AutoUpdaterPort {
  channel: string | null = null;
  allowDowngrade = false;
  autoDownload = false;
  checks = 0;
  /** The channel each check asked for. */
  readonly checkedChannels: (string | null)[] = [];
  quitAndInstallCalls = 0;
  private pending: { resolve(result: unknown): void; reject(error: Error): void } | null = null;

  checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    this.checkedChannels.push(this.channel);
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }

  quitAndInstall(): void {
    this.quitAndInstallCalls += 1;
  }

  /** A newer version on the server; with autoDownload on, its download starts. */
  available(version: string): void {
    this.emit('update-available', { version });
    this.settle({ isUpdateAvailable: true, updateInfo: { version } });
  }

  notAvailable(version: string): void {
    this.emit('update-not-available', { version });
    this.settle({ isUpdateAvailable: false, updateInfo: { version } });
  }

  progress(percent: number): void {
    this.emit('download-progress', { percent, bytesPerSecond: 1_000, total: 100_000, transferred: percent * 1_000 });
  }

  downloaded(version: string): void {
    this.emit('update-downloaded', { version, downloadedFile: `/tmp/opsdeck-${version}.AppImage` });
  }

  /** What electron-updater does on a failed check: an 'error' event, then the check rejects. */
  fail(error: Error): void {
    this.emit('error', error);
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  /** A failed download: only the 'error' event (the check itself had succeeded). */
  failDownload(error: Error): void {
    this.emit('error', error);
  }

  /** No network: what Chromium's net stack reports to electron-updater. */
  offline(): void {
    this.fail(new Error('net::ERR_INTERNET_DISCONNECTED'));
  }

  /** A check that finds no update configuration (electron-updater's inactive updater) answers null. */
  inactive(): void {
    this.settle(null);
  }

  private settle(result: unknown): void {
    const pending = this.pending;
    this.pending = null;
    pending?.resolve(result);
  }
}

/** A FAKE interval timer: the test fires the scheduled run as if the interval had passed. */
export class FakeInterval {
  intervalMs: number | null = null;
  private run: (() => void) | null = null;

  readonly every = (ms: number, run: () => void) => {
    this.intervalMs = ms;
    this.run = run;
    return () => {
      this.run = null;
    };
  };

  get running(): boolean {
    return this.run !== null;
  }

  fire(): void {
    this.run?.();
  }
}
