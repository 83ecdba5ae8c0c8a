// A console for Chromium render benches: real services and web host over a profile whose cache
// the bench fills directly, its platform unreachable (as offline), and a browser to open it in.
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import type { Database } from 'better-sqlite3';
import { cacheDbPath } from '../../electron/services/cache/cache-paths.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import { builtRendererDir } from '../../electron/web/renderer-dir.ts';
import { startWebHost } from '../../electron/web/server.ts';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

export interface OfflineConsole<T> {
  /** What `fill` returned. */
  filled: T;
  services: ReturnType<typeof createConsoleServices>;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Saves a prod profile on an unreachable platform, fills its cache with `fill`, and serves the console to a fresh Chromium. */
export async function startOfflineConsole<T>(name: string, fill: (db: Database) => T): Promise<OfflineConsole<T>> {
  const dataDir = makeDataDir(`opsdeck-bench-${name}-`);
  const services = createConsoleServices({ dataDir: dataDir.path, host: 'web', version: 'bench', demo: null });
  const saved = await services.handlers['profiles/save']({
    name: 'Bench',
    kind: 'ops-api',
    baseUrl: 'http://127.0.0.1:9',
    environment: 'prod',
    color: null,
    options: { proxyUrl: null, caFile: null, timeoutMs: 1_000 },
    token: 'bench-token',
    tokenStorage: 'session',
  });
  const { db } = openCacheDb(cacheDbPath(dataDir.path, saved.activeId!), { log: console.warn });
  const filled = fill(db);
  db.close();
  const host = await startWebHost({ services, rendererDir: builtRendererDir() });
  const browser = await chromium.launch(chromiumLaunchOptions);
  return {
    filled,
    services,
    url: host.url,
    browser,
    async close() {
      await browser.close();
      await host.close();
      await services.close();
      dataDir.remove();
    },
  };
}
