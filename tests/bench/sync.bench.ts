// Issue 4's figures: initial sync of 1,000,000 audit events from the reference platform over
// loopback (events/s to searchable by fields, longest main-thread stall meanwhile), and resume
// after kill -9 mid-sync (duplicates, gaps, count against the platform).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { fieldSearchReady } from '../../electron/services/sync/audit-sync.ts';
import type { FromSyncWorker, SyncWorkerData } from '../../electron/services/sync/sync-messages.ts';
import { sourceWorkerPaths, startWorker } from '../../electron/services/workers/start-worker.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import type { BenchResult, BenchSuite } from './bench.ts';

const events = Number(process.env.OPSDECK_BENCH_SYNC_EVENTS ?? 1_000_000);
// The platform's database is generated once and kept between bench runs.
const platformDir = join(tmpdir(), 'opsdeck-bench-platform');

export const suite: BenchSuite = {
  name: 'sync engine',
  async run() {
    mkdirSync(platformDir, { recursive: true });
    const platform = await startPlatformProcess(join(platformDir, `platform-${events}.sqlite`));
    try {
      return [...(await initialSync(platform)), ...(await resumeAfterKill(platform))];
    } finally {
      platform.process.kill('SIGTERM');
    }
  },
};

interface PlatformProcess {
  url: string;
  token: string;
  process: ChildProcess;
}

/** The reference platform as a separate process, as a real remote platform would be. */
async function startPlatformProcess(dbPath: string): Promise<PlatformProcess> {
  if (!existsSync(dbPath)) console.log(`generating ${events.toLocaleString()} audit events for the platform (once) ...`);
  const child = spawn(process.execPath, ['bin/opsdeck.mjs', 'demo-platform', '--port', '0', '--events', String(events), '--tenants', '120', '--db', dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  let url = '';
  return new Promise((done) =>
    createInterface({ input: child.stdout! }).on('line', (line) => {
      url = /Ops API running at (\S+)/.exec(line)?.[1] ?? url;
      const token = /full-access token:\s+(\S+)/.exec(line)?.[1];
      if (token) done({ url, token, process: child });
    }),
  );
}

async function initialSync(platform: PlatformProcess): Promise<BenchResult[]> {
  const dir = makeDataDir('opsdeck-bench-sync-');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  try {
    const data: SyncWorkerData = {
      dbPath: join(dir.path, 'cache.sqlite'),
      connection: { baseUrl: platform.url, token: platform.token, timeoutMs: 30_000, proxyUrl: null, caFile: null },
      schedule: { auditWindowDays: 36_500 },
    };
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const platformCpuAtStart = processCpuSeconds(platform.process.pid!);
    let fieldsCpu = '';
    delay.enable();
    const worker = startWorker(sourceWorkerPaths('sync'), data);
    let rowsWrittenAt = 0;
    let fieldsSearchableAt = 0;
    await new Promise<void>((done, fail) => {
      worker.on('message', (message: FromSyncWorker) => {
        if (message.kind === 'progress' && message.resource === 'audit' && message.progress === 1 && rowsWrittenAt === 0) rowsWrittenAt = performance.now();
        if (message.kind === 'progress' && message.detail === fieldSearchReady) {
          fieldsSearchableAt = performance.now();
          const { user, system } = process.cpuUsage(cpuAtStart);
          fieldsCpu = `${((user + system) / 1e6).toFixed(1)} s CPU here (all threads), ${(processCpuSeconds(platform.process.pid!) - platformCpuAtStart).toFixed(1)} s the platform's`;
        }
        if (message.kind === 'success' && message.resource === 'audit') done();
        if (message.kind === 'failure' && message.resource === 'audit') fail(new Error(message.message));
      });
    });
    const searchableAt = performance.now();
    delay.disable();
    worker.postMessage({ kind: 'stop' });
    await worker.terminate();
    const db = new Database(data.dbPath, { readonly: true });
    const cached = db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
    db.close();
    const writtenSeconds = (rowsWrittenAt - started) / 1000;
    const fieldSeconds = (fieldsSearchableAt - started) / 1000;
    const textSeconds = (searchableAt - started) / 1000;
    return [
      { name: 'initial sync, every event fetched, checked and written', value: Math.round(cached / writtenSeconds), unit: 'events/s', note: `${cached.toLocaleString()} events in ${writtenSeconds.toFixed(1)} s` },
      { name: 'initial sync, searchable by fields', value: Math.round(cached / fieldSeconds), unit: 'events/s', target: '>= 50000', note: `field indexes built ${fieldSeconds.toFixed(1)} s after the start; ${fieldsCpu}` },
      { name: 'initial sync, full text ready', value: Math.round(cached / textSeconds), unit: 'events/s', note: `${textSeconds.toFixed(1)} s after the start` },
      { name: 'longest main-thread stall during sync', value: Math.round(delay.max / 1e6), unit: 'ms', target: '<= 50' },
    ];
  } finally {
    dir.remove();
  }
}

/** CPU seconds (user + system) a process has used, from /proc (Linux, where these benches run); NaN elsewhere. */
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after "pid (comm) ".
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function resumeAfterKill(platform: PlatformProcess): Promise<BenchResult[]> {
  const dir = makeDataDir('opsdeck-bench-resume-');
  try {
    const dbPath = join(dir.path, 'cache.sqlite');
    const args = ['bin/opsdeck.mjs', 'sync', '--base-url', platform.url, '--token-env', 'OPSDECK_BENCH_TOKEN', '--db', dbPath, '--once'];
    const env = { ...process.env, OPSDECK_BENCH_TOKEN: platform.token };
    const first = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((done) => createInterface({ input: first.stdout! }).on('line', (line) => /\((2[5-9]|[3-9]\d)%\)/.test(line) && done()));
    first.kill('SIGKILL');
    await new Promise((done) => first.on('exit', done));
    const started = performance.now();
    const second = spawn(process.execPath, args, { env, stdio: 'ignore' });
    const status = await new Promise((done) => second.on('exit', done));
    const seconds = (performance.now() - started) / 1000;
    const db = new Database(dbPath, { readonly: true });
    const stats = db.prepare('SELECT count(*) AS count, count(DISTINCT id) AS ids, min(seq) AS first, max(seq) AS last FROM audit_events').get() as Record<string, number>;
    db.close();
    const head = (await (await fetch(`${platform.url}/v1/audit-events/head`, { headers: { authorization: `Bearer ${platform.token}` } })).json()) as { seq: number };
    return [
      { name: 'resume after kill -9: exit status', value: Number(status), unit: '', target: '<= 0' },
      { name: 'resume after kill -9: duplicates', value: stats.count! - stats.ids!, unit: 'events', target: '<= 0' },
      { name: 'resume after kill -9: gaps', value: stats.last! - stats.first! + 1 - stats.count!, unit: 'events', target: '<= 0' },
      { name: 'resume after kill -9: missing at the head', value: head.seq - stats.last!, unit: 'events', target: '<= 0', note: `${stats.count!.toLocaleString()} events cached, resumed in ${seconds.toFixed(1)} s` },
    ];
  } finally {
    dir.remove();
  }
}
