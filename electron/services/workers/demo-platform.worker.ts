// Runs the reference platform for the built-in Demo profile off the main thread: generating
// the demo data takes seconds of CPU, and the main process must stay responsive meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { startPlatform } from '../../../platform/server.ts';
import type { DemoPlatformRequest, DemoPlatformMessage } from '../demo/demo-platform-messages.ts';

const request = workerData as DemoPlatformRequest;
const post = (message: DemoPlatformMessage) => parentPort!.postMessage(message);

try {
  const platform = await startPlatform({ dbPath: request.dbPath, port: 0, live: true, events: request.events, tenants: request.tenants });
  post({ kind: 'ready', url: platform.url, token: platform.tokens.full, generationMs: platform.generationMs });
  parentPort!.on('message', (message: 'stop') => {
    if (message === 'stop') void platform.close().then(() => post({ kind: 'stopped' }));
  });
} catch (error) {
  post({ kind: 'failed', message: (error as Error).message });
}
