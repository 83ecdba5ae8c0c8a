// Runs the reference platform for the built-in Demo profile off the main thread: generating
// the demo data takes seconds of CPU, and the main process must stay responsive meanwhile.
import { startPlatform } from '../../../platform/server.ts';
import type { RunningPlatform } from '../../../platform/server.ts';
import { demoPlatformProtocol } from '../demo/demo-platform-protocol.ts';
import { serveWorker } from './rpc/serve-worker.ts';

await serveWorker(demoPlatformProtocol, ({ dbPath, events, tenants }) => {
  let platform: RunningPlatform | null = null;
  return {
    async start() {
      platform ??= await startPlatform({ dbPath, port: 0, live: true, events, tenants });
      return { url: platform.url, token: platform.tokens.full, generationMs: platform.generationMs };
    },
    async stop() {
      await platform?.close();
      platform = null;
      return null;
    },
  };
});
