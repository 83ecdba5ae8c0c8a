import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startWorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import { demoPlatformProtocol } from './demo-platform-protocol.ts';

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
  const worker = startWorkerClient(demoPlatformProtocol, workers, { dbPath: join(dir, `platform-${size.tenants}t-${size.events}e.sqlite`), ...size });
  let status: DemoStatus = { status: 'starting' };

  const ready = worker.call('start', {}).then(
    ({ url, token }): DemoStatus => (status = { status: 'running', url, token }),
    (error: Error): DemoStatus => (status = { status: 'failed', message: `The demo platform could not start: ${error.message}` }),
  );

  return {
    current: () => status,
    ready,
    async stop() {
      if (status.status === 'running') await worker.call('stop', {});
      await worker.close();
    },
  };
}
