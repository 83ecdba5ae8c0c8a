// An import of tens of thousands of events reports every phase (the load, the field indexes, the
// full text, the hash chain) while it is under way and when it is complete, the phases in order.
// How often they report is a bench figure (import: longest silence between progress reports),
// never a timed assertion here.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importAuditFiles } from '../../electron/services/audit-import/import-audit-files.ts';
import type { ImportProgress, ImportResult } from '../../electron/services/audit-import/import-audit-files.ts';
import { importPhases, phaseFraction } from '../../electron/services/audit-import/import-progress.ts';
import type { ImportPhase } from '../../electron/services/audit-import/import-progress.ts';
import { writeChainFile } from '../fixtures/audit-chain.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

const events = 60_000;
const dir = makeDataDir('opsdeck-import-progress-');
const reports: ImportProgress[] = [];
let result: ImportResult;

beforeAll(async () => {
  const file = join(dir.path, 'audit.ndjson');
  writeChainFile(file, events);
  result = await importAuditFiles({ files: [{ path: file }], db: join(dir.path, 'progress.sqlite'), sourceName: 'progress', skipInvalid: false, onProgress: (report) => reports.push(report) });
}, 120_000);
afterAll(() => dir.remove());

/** A phase's reports: where each came among all reports, and how far it said the phase was. */
const reportsOf = (phase: ImportPhase) => reports.flatMap((report, at) => (report.phase === phase ? [{ at, fraction: phaseFraction(report) }] : []));

it('imports and verifies the events', () => {
  expect(result).toMatchObject({ events, verification: { intact: true, events } });
});

it.each(importPhases)('%s reports while under way, never going back, and once complete', (phase) => {
  const fractions = reportsOf(phase).map(({ fraction }) => fraction);
  expect(fractions.some((fraction) => fraction > 0 && fraction < 1)).toBe(true);
  expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  expect(fractions.at(-1)).toBe(1);
});

it('starts the indexes and the verification once the load is complete, and the full text once the field indexes are', () => {
  const endOf = (phase: ImportPhase) => reportsOf(phase).at(-1)!.at;
  const startOf = (phase: ImportPhase) => reportsOf(phase)[0]!.at;
  expect(startOf('reading')).toBe(0);
  expect(startOf('indexing')).toBeGreaterThan(endOf('reading'));
  expect(startOf('verifying')).toBeGreaterThan(endOf('reading'));
  expect(startOf('text')).toBeGreaterThan(endOf('indexing'));
});

it('names each field index as its build starts, since SQLite tells nothing during one', () => {
  const indexing = reports.filter((report): report is Extract<ImportProgress, { phase: 'indexing' }> => report.phase === 'indexing');
  const starts = indexing.filter((report) => report.building !== null && report.buildingMs === 0);
  expect(starts.map((report) => report.built)).toEqual(starts.map((_, index) => index));
  expect(new Set(starts.map((report) => report.building)).size).toBe(indexing[0]!.indexes);
});
