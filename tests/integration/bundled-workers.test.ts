// The Electron build runs the worker threads from out/main/*.worker.js, not from TypeScript.
// Electron cannot run here, but its main bundle's workers are plain Node: run the console
// services on them, so a worker that only works from sources (a .ts path, a tsx-only import)
// fails here rather than in the packaged app.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import type { ConsoleServices } from '../../electron/services/console-services.ts';
import type { WorkerName } from '../../electron/services/workers/start-worker.ts';
import { receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { smallDemo } from '../fixtures/web-host.ts';

const bundled = (name: WorkerName) => resolve('out/main', `${name}.worker.js`);
const dataDir = makeDataDir();
let services: ConsoleServices;

beforeAll(() => {
  if (!existsSync(bundled('sync'))) throw new Error('out/main has no bundled workers: run `npm run build` first (npm test does).');
  services = createConsoleServices({ dataDir: dataDir.path, host: 'electron', version: 'test', demo: smallDemo, workers: bundled });
});
afterAll(async () => {
  await services.close();
  dataDir.remove();
});

async function until<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  for (const deadline = Date.now() + 45_000; Date.now() < deadline; await new Promise((done) => setTimeout(done, 250))) {
    const value = await probe();
    if (value !== null) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

it('the bundled demo-platform, sync, import and verify workers run', async () => {
  const total = await until('the demo profile to sync', async () => {
    const { total: cached } = await services.handlers['audit/search']({ q: '', limit: 1, withTotal: true });
    return cached !== null && cached > 300 ? cached : null;
  });
  expect(total).toBeGreaterThan(300);

  const file = join(dataDir.path, 'export.ndjson');
  writeFileSync(file, `${[...receivedAuditEvents({ count: 2_000 })].map(({ raw }) => raw).join('\n')}\n`);
  const { jobId } = await services.handlers['sources/import']({ files: [services.files.register(file).token], name: 'bundled', skipInvalid: false });
  const job = await until('the import job', async () => {
    const found = (await services.handlers['jobs/list']({})).jobs.find((candidate) => candidate.id === jobId)!;
    return found.state === 'running' ? null : found;
  });
  expect(job).toMatchObject({ state: 'done', error: null });
  const source = (await services.handlers['sources/list']({})).sources.find((candidate) => candidate.id === 'import:bundled')!;
  expect(source).toMatchObject({ events: 2_000, verification: { intact: true } });
}, 60_000);
