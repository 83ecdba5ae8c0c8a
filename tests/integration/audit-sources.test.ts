import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportAudit } from '../../electron/services/audit-export/export-audit.ts';
import { importPhases, phaseLabels } from '../../electron/services/audit-import/import-progress.ts';
import { createAuditSearch } from '../../electron/services/audit-search/audit-search.ts';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import type { ConsoleServices } from '../../electron/services/console-services.ts';
import { fixtureNow, inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

// A filtered export has seq gaps by design: imported with its manifest (uploaded beside it, or
// lying next to the file), the source verifies intact; without it, the gaps are missing events.
const dataDir = makeDataDir();
let services: ConsoleServices;
let exported: string;

beforeAll(async () => {
  const cache = makeCacheDb();
  for (const page of inPages(receivedAuditEvents({ count: 3_000 }), 1_000)) appendAuditPage(cache.db, page);
  exported = join(dataDir.path, 'denied.ndjson');
  await exportAudit({ search: createAuditSearch(cache.db, () => fixtureNow), q: 'outcome:denied', format: 'ndjson', gzip: false, out: exported, source: { platform: 'test', environment: 'test' } });
  cache.remove();
  services = createConsoleServices({ dataDir: dataDir.path, host: 'web', version: 'test', demo: null });
});
afterAll(async () => {
  await services.close();
  dataDir.remove();
});

async function importAndVerify(paths: string[], name: string) {
  const { jobId } = await services.handlers['sources/import']({ files: paths.map((path) => services.files.register(path).token), name, skipInvalid: false });
  for (let attempt = 0; attempt < 200; attempt++) {
    const job = (await services.handlers['jobs/list']({})).jobs.find((candidate) => candidate.id === jobId)!;
    if (job.state !== 'running') {
      expect(job).toMatchObject({ state: 'done', error: null });
      // The job tray shows each phase of the import: all of them done, in order.
      expect(job.steps.map(({ label, state }) => [label, state])).toEqual(importPhases.map((phase) => [phaseLabels[phase], 'done']));
      return (await services.handlers['sources/report']({ source: `import:${name}` })).report!;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${name} did not finish`);
}

it('a filtered export imported with its manifest verifies intact: its gaps are the filter', async () => {
  const report = await importAndVerify([exported, `${exported}.manifest.json`], 'with-manifest');
  expect(report).toMatchObject({ intact: true, filtered: true, problem_counts: {}, completeness: { status: 'not_proven' } });
  expect(report.seq_gaps).toBeGreaterThan(0);
});

it('the manifest lying beside the file counts too, as for opsdeck verify', async () => {
  expect(await importAndVerify([exported], 'beside')).toMatchObject({ intact: true, filtered: true });
});

it('without its manifest, the same file shows its gaps as missing ranges', async () => {
  const alone = join(dataDir.path, 'alone');
  mkdirSync(alone);
  copyFileSync(exported, join(alone, 'denied.ndjson'));
  const report = await importAndVerify([join(alone, 'denied.ndjson')], 'alone');
  expect(report).toMatchObject({ intact: false, filtered: false, completeness: { status: 'broken' } });
  expect(report.problem_counts.missing_range).toBe(report.seq_gaps);
});

it('a manifest alone is refused, naming it', async () => {
  const { jobId } = await services.handlers['sources/import']({ files: [services.files.register(`${exported}.manifest.json`).token], name: 'only-manifest', skipInvalid: false });
  for (let attempt = 0; attempt < 100; attempt++) {
    const job = (await services.handlers['jobs/list']({})).jobs.find((candidate) => candidate.id === jobId)!;
    if (job.state !== 'running') return expect(job.error).toBe('denied.ndjson.manifest.json: only export manifests were given: add the NDJSON file they describe');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the job did not end');
});
