import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import type { DemoPlatformMessage, DemoPlatformRequest } from './demo-platform-messages.ts';

export interface DemoPlatformSize {
  events: number;
  tenants: number;
}

export type DemoStatus =
  | { status: 'starting' }
  | { status: 'running'; url: string; token: string }
  | { status: 'failed'; message: string };

export interface DemoPlatformHost {
  current(): DemoStatus;
  /** Resolves once the platform is running or has failed. */
  ready: Promise<DemoStatus>;
  stop(): Promise<void>;
}

/**
 * The reference platform behind the built-in Demo profile, live, on a free loopback port, in a
 * worker thread. Its database lives in the data dir and is reused by later starts.
 */
export function startDemoPlatform(dataDir: string, size: DemoPlatformSize, workers: WorkerPaths): DemoPlatformHost {
  const dir = join(dataDir, 'demo-platform');
  mkdirSync(dir, { recursive: true });
  const request: DemoPlatformRequest = { dbPath: join(dir, `platform-${size.tenants}t-${size.events}e.sqlite`), ...size };
  const worker: Worker = startWorker(workers('demo-platform'), request);
  let status: DemoStatus = { status: 'starting' };

  const ready = new Promise<DemoStatus>((settle) => {
    worker.on('message', (message: DemoPlatformMessage) => {
      if (message.kind === 'ready') status = { status: 'running', url: message.url, token: message.token };
      if (message.kind === 'failed') status = { status: 'failed', message: `The demo platform could not start: ${message.message}` };
      settle(status);
    });
    worker.on('error', (error) => {
      status = { status: 'failed', message: `The demo platform stopped: ${error.message}` };
      settle(status);
    });
  });

  return {
    current: () => status,
    ready,
    async stop() {
      if (status.status === 'running') {
        const stopped = new Promise<void>((done) => worker.on('message', (message: DemoPlatformMessage) => message.kind === 'stopped' && done()));
        worker.postMessage('stop');
        await stopped;
      }
      await worker.terminate();
    },
  };
}
