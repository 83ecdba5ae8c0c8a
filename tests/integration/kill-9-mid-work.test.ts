// kill -9 in the middle of an import, an export and a prune, each in its own process running
// the real code, at a point it has reached for sure (a progress line; the export and import are
// stopped there and looked at before the kill). Afterwards the database opens with the real
// cache code and passes integrity_check, and no half-written file stands under a final name.
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { indexAuditText } from '../../electron/services/cache/index-audit-text.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import type { AuditEvent } from '../../shared/ops-api/index.ts';
import { generateChain, toLines } from '../fixtures/audit-chain.ts';
import { inPages } from '../fixtures/audit-events-for-cache.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

const dayMs = 86_400_000;
let dir: ReturnType<typeof makeDataDir>;
let cachePath: string;
const cachedEvents = 60_000;
// The test chain has an event a minute from 2026-01-01: 60,000 of them span about 42 days.
const lastEventAt = Date.parse(generateChain(1, cachedEvents).next().value!.occurred_at as string);

beforeAll(() => {
  dir = makeDataDir('opsdeck-kill-');
  cachePath = join(dir.path, 'cache.sqlite');
  const { db } = openCacheDb(cachePath, { log: () => {} });
  const received = (function* () {
    for (const event of generateChain(cachedEvents)) yield { raw: JSON.stringify(event), event: event as unknown as AuditEvent };
  })();
  for (const page of inPages(received, 5_000)) appendAuditPage(db, page);
  indexAuditText(db, { batchSize: 20_000 });
  db.close();
}, 120_000);
afterAll(() => dir.remove());

type Child = ChildProcessByStdio<null, Readable, Readable>;

const children: Child[] = [];
// A failed expectation must not leave a stopped child behind.
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function start(args: string[]): Child {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

/** Resolves with the first line of `stream` that `matches`. */
function lineOf(stream: Readable, matches: (line: string) => boolean): Promise<string> {
  return new Promise((done) => createInterface({ input: stream }).on('line', (line) => matches(line) && done(line)));
}

async function kill(child: Child): Promise<void> {
  const exited = new Promise((done) => child.on('exit', (_, signal) => done(signal)));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

/** Opens the file with the real cache code (which checks it after an unclean close) and runs the full integrity check. */
function integrityOf(path: string): string {
  const messages: string[] = [];
  const { db, recovered } = openCacheDb(path, { log: (message) => messages.push(message) });
  try {
    expect(recovered).toBeNull();
    expect(messages).toEqual([]);
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

const count = (path: string, where = '1') => {
  const db = new Database(path, { readonly: true });
  const found = db.prepare(`SELECT count(*) FROM audit_events WHERE ${where}`).pluck().get() as number;
  db.close();
  return found;
};

const files = () => readdirSync(dir.path).sort();

describe('kill -9 mid-way', () => {
  it('through an NDJSON export: neither the file nor its manifest stands under its name, the cache is intact, and the next export completes', async () => {
    const out = join(dir.path, 'all.ndjson.gz');
    const child = start(['bin/opsdeck.mjs', 'export', '', '--out', out, '--gzip', '--db', cachePath]);
    await lineOf(child.stderr, (line) => /^[\d,]+ events$/.test(line));
    child.kill('SIGSTOP');
    // Stopped with events written: under way, under a temporary name only.
    expect(files()).toContain(`all.ndjson.gz.partial-${child.pid}`);
    await kill(child);

    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.manifest.json`)).toBe(false);
    expect(integrityOf(cachePath)).toBe('ok');

    const again = start(['bin/opsdeck.mjs', 'export', '', '--out', out, '--gzip', '--db', cachePath]);
    expect(await new Promise((done) => again.on('exit', done))).toBe(0);
    const verified = start(['bin/opsdeck.mjs', 'verify', out, '--json']);
    let report = '';
    verified.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
    expect(await new Promise((done) => verified.on('exit', done))).toBe(0);
    expect(JSON.parse(report)).toMatchObject({ intact: true, events: cachedEvents, manifest_file: `${out}.manifest.json` });
  }, 120_000);

  it('through an import: no source stands under its name, and the same import then completes with a sound database', async () => {
    const file = join(dir.path, 'big.ndjson');
    writeFileSync(file, toLines([...generateChain(30_000)]).map((line) => `${line}\n`).join(''));
    const dataDir = join(dir.path, 'data');
    const source = join(dataDir, 'sources', 'big.sqlite');
    const child = start(['bin/opsdeck.mjs', 'import', file, '--data-dir', dataDir]);
    await lineOf(child.stderr, (line) => line.startsWith('Reading the files: '));
    child.kill('SIGSTOP');
    const partials = readdirSync(join(dataDir, 'sources')).filter((name) => /^big\.sqlite\.\w+\.partial$/.test(name));
    expect(partials).toHaveLength(1);
    await kill(child);

    expect(existsSync(source)).toBe(false);

    const again = start(['bin/opsdeck.mjs', 'import', file, '--data-dir', dataDir]);
    expect(await new Promise((done) => again.on('exit', done))).toBe(0);
    expect(integrityOf(source)).toBe('ok');
    expect(count(source)).toBe(30_000);
  }, 120_000);

  it('through a prune: the database is sound, each batch went whole, and the next prune finishes the job', async () => {
    const maxAgeDays = 10;
    const cutoff = lastEventAt - maxAgeDays * dayMs;
    const old = count(cachePath, `ts < ${cutoff}`);
    expect(old).toBeGreaterThan(30_000);
    const args = ['--import', 'tsx', 'tests/fixtures/prune-child.ts', cachePath, String(maxAgeDays), String(lastEventAt)];

    const child = start(args);
    await lineOf(child.stdout, (line) => line === 'pruning');
    // Killed once the first batch is committed, as another connection sees.
    const watcher = new Database(cachePath, { readonly: true });
    const stillOld = watcher.prepare(`SELECT count(*) FROM audit_events WHERE ts < ${cutoff}`).pluck();
    while ((stillOld.get() as number) === old) await new Promise((tick) => setTimeout(tick, 5));
    watcher.close();
    await kill(child);

    expect(integrityOf(cachePath)).toBe('ok');
    const left = count(cachePath, `ts < ${cutoff}`);
    expect(left).toBeLessThan(old);
    expect(left).toBeGreaterThan(0);
    // Batches of 10,000 events, each deleted with its full text in one transaction.
    expect((old - left) % 10_000).toBe(0);
    expect(count(cachePath, `ts >= ${cutoff}`)).toBe(cachedEvents - old);

    const again = start(args);
    expect(await lineOf(again.stdout, (line) => line.startsWith('pruned '))).toBe(`pruned ${left}`);
    expect(count(cachePath, `ts < ${cutoff}`)).toBe(0);
    expect(integrityOf(cachePath)).toBe('ok');
  }, 120_000);
});
