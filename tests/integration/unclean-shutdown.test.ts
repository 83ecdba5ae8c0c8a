// After a run that did not close the cache (killed; or a power cut, where a bulk load written
// with synchronous=OFF may lose a page that quick_check cannot miss), the next `opsdeck sync`
// checks the cached audit chain and refills from the platform what is broken.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkAuditRows } from '../../electron/services/audit-sources/verify-audit-db.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { sourceWorkerPaths } from '../../electron/services/workers/start-worker.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 12, events: 8_000 });
});
afterAll(() => platform.stop());

let dir: ReturnType<typeof makeDataDir>;
let dbPath: string;
afterEach(() => dir.remove());

const env = () => ({ ...process.env, OPSDECK_TEST_TOKEN: platform.tokens.full });
const syncArgs = () => ['bin/opsdeck.mjs', 'sync', '--base-url', platform.url, '--token-env', 'OPSDECK_TEST_TOKEN', '--db', dbPath, '--once'];

/** `opsdeck sync --once` to its end (not spawnSync: the platform answers from this process). */
function syncOnce(): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, syncArgs(), { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('exit', (status) => done({ status, stdout, stderr })));
}

/** `opsdeck sync` killed with SIGKILL once it has written audit events (its "audit: " progress line). */
async function syncKilled(): Promise<void> {
  const child = spawn(process.execPath, syncArgs(), { env: env(), stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((done) => createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('audit: ') && done()));
  child.kill('SIGKILL');
  await new Promise((done) => child.on('exit', done));
}

const markers = () => readdirSync(dirname(dbPath)).filter((name) => name.startsWith(`${basename(dbPath)}.open-`));

/** Changes the file as a lost page would, with a plain connection that leaves the marker as it is. */
function damage(change: (db: Database.Database) => void): void {
  const db = new Database(dbPath);
  change(db);
  db.close();
}

function cachedRange(): { count: number; first: number; last: number } {
  const db = new Database(dbPath, { readonly: true });
  const range = db.prepare('SELECT count(*) AS count, min(seq) AS first, max(seq) AS last FROM audit_events').get() as { count: number; first: number; last: number };
  db.close();
  return range;
}

async function expectIntactToHead(): Promise<void> {
  const { db } = openCacheDb(dbPath, { log: () => {} });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const report = await checkAuditRows(db, { workerPaths: sourceWorkerPaths, workers: 0 });
    expect(report.problems).toEqual([]);
    const head = ((await (await platform.get('/v1/audit-events/head')).json()) as { seq: number }).seq;
    expect(report.last_seq).toBe(head);
    expect(report.events).toBe(head - report.first_seq! + 1);
  } finally {
    db.close();
  }
}

describe('opsdeck sync after an unclean shutdown', () => {
  it('a clean close leaves no marker, and the next start checks nothing', async () => {
    dir = makeDataDir();
    dbPath = `${dir.path}/cache/first.sqlite`; // a first sync, into a folder not made yet
    expect((await syncOnce()).status).toBe(0);
    expect(markers()).toEqual([]);
    const again = await syncOnce();
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).not.toContain('cache: Checking');
  });

  it('a kill leaves the marker; the next start verifies the chain intact and keeps every event', async () => {
    dir = makeDataDir();
    dbPath = `${dir.path}/cache.sqlite`;
    await syncKilled();
    expect(markers()).toHaveLength(1);
    const reopened = openCacheDb(dbPath, { log: () => {} });
    expect(reopened.recovered).toBeNull();
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.db.close();
    const before = cachedRange();

    const next = await syncOnce();

    expect(next.status).toBe(0);
    expect(next.stdout).toContain('cache: Checking the cached audit chain: the cache was not closed cleanly last time (0%)');
    expect(next.stdout).toContain(`The cache ${dbPath} was not closed cleanly last time; its audit chain of ${before.count.toLocaleString('en-US')} events verified intact.\n`);
    expect(next.stderr).toBe('');
    expect(markers()).toEqual([]);
    expect(cachedRange().first).toBe(before.first);
    await expectIntactToHead();
  });

  it('rows lost in the middle (a gap quick_check does not see) are dropped from the gap on and fetched again', async () => {
    dir = makeDataDir();
    dbPath = `${dir.path}/cache.sqlite`;
    await syncKilled();
    const before = cachedRange();
    const lostFrom = before.first + Math.floor(before.count / 3);
    damage((db) => db.prepare('DELETE FROM audit_events WHERE seq BETWEEN ? AND ?').run(lostFrom, lostFrom + 63));
    const damaged = new Database(dbPath);
    expect(damaged.pragma('quick_check', { simple: true })).toBe('ok');
    damaged.close();

    const next = await syncOnce();

    expect(next.status).toBe(0);
    const kept = lostFrom - before.first;
    expect(next.stderr).toBe(
      `The cache ${dbPath} was not closed cleanly last time; its audit chain of ${(before.count - 64).toLocaleString('en-US')} events breaks at seq ${lostFrom.toLocaleString('en-US')} (missing range): ` +
        `dropped ${(before.count - 64 - kept).toLocaleString('en-US')} events from there on, which the sync fetches again.\n`,
    );
    expect(markers()).toEqual([]);
    await expectIntactToHead();
    expect(cachedRange().first).toBe(before.first);
  });

  it('an event whose stored text changed is dropped with everything after it, and fetched again as the platform has it', async () => {
    dir = makeDataDir();
    dbPath = `${dir.path}/cache.sqlite`;
    await syncKilled();
    const before = cachedRange();
    const altered = before.first + Math.floor(before.count / 2);
    damage((db) => db.prepare("UPDATE audit_events SET raw = replace(raw, '\"outcome\":\"', '\"outcome\":\"x') WHERE seq = ?").run(altered));

    const next = await syncOnce();

    expect(next.status).toBe(0);
    expect(next.stderr).toContain(`breaks at seq ${altered.toLocaleString('en-US')} (altered): dropped ${(before.last - altered + 1).toLocaleString('en-US')} events from there on`);
    await expectIntactToHead();
    expect(existsSync(dbPath)).toBe(true);
  });
});
