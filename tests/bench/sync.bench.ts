// Issue 4's figures: initial sync of 1,000,000 audit events from the reference platform over
// loopback (events/s to searchable by fields, longest main-thread stall meanwhile), and resume
// after kill -9 mid-sync (duplicates, gaps, count against the platform).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { fieldSearchReady } from '../../electron/services/sync/audit-sync.ts';
import { syncWorkerProtocol } from '../../electron/services/sync/sync-messages.ts';
import type { FromSyncWorker, SyncWorkerData } from '../../electron/services/sync/sync-messages.ts';
import { startWorkerClient } from '../../electron/services/workers/rpc/worker-client.ts';
import { sourceWorkerPaths } from '../../electron/services/workers/start-worker.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { againstBaseline } from './baseline.ts';
import type { BaselineInput } from './baseline.ts';
import type { BenchResult, BenchSuite } from './bench.ts';

const events = Number(process.env.OPSDECK_BENCH_SYNC_EVENTS ?? 1_000_000);
/** The sync's page size (sync-tasks.ts): the baseline parses the feed in the same pages. */
const feedPageSize = 1000;
// The platform's database is generated once and kept between bench runs.
const platformDir = join(tmpdir(), 'opsdeck-bench-platform');

export const suite: BenchSuite = {
  name: 'sync engine',
  async run() {
    mkdirSync(platformDir, { recursive: true });
    const platform = await startPlatformProcess(join(platformDir, `platform-${events}.sqlite`));
    try {
      return [...(await initialSync(platform, await feedPagesFile(platform))), ...(await resumeAfterKill(platform))];
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

/**
 * The baseline's input: the feed's pages as the platform serves them to the sync, one body a
 * line, fetched once and kept beside the platform's database.
 */
async function feedPagesFile(platform: PlatformProcess): Promise<BaselineInput> {
  const file = join(platformDir, `feed-pages-${events}.ndjson`);
  if (!existsSync(file)) {
    console.log(`fetching the feed's ${Math.ceil(events / feedPageSize).toLocaleString()} pages for the baseline (once) ...`);
    const fetching = `${file}.fetching`;
    const fd = openSync(fetching, 'w');
    try {
      for (let afterSeq = 0; afterSeq < events; afterSeq += feedPageSize) {
        const response = await fetch(`${platform.url}/v1/audit-events?after_seq=${afterSeq}&limit=${feedPageSize}`, { headers: { authorization: `Bearer ${platform.token}` } });
        if (!response.ok) throw new Error(`sync bench: the feed page after seq ${afterSeq} failed: HTTP ${response.status}`);
        const body = Buffer.from(await response.arrayBuffer());
        if (body.includes(0x0a)) throw new Error(`sync bench: the feed page after seq ${afterSeq} holds a line break, so it cannot be one line of the baseline's file`);
        writeSync(fd, body);
        writeSync(fd, '\n');
      }
    } finally {
      closeSync(fd);
    }
    renameSync(fetching, file);
  }
  return { file, events };
}

async function initialSync(platform: PlatformProcess, pages: BaselineInput): Promise<BenchResult[]> {
  const dir = makeDataDir('opsdeck-bench-sync-');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  try {
    const data: SyncWorkerData = {
      dbPath: join(dir.path, 'cache.sqlite'),
      connection: { kind: 'ops-api', baseUrl: platform.url, token: platform.token, timeoutMs: 30_000, proxyUrl: null, caFile: null },
      schedule: { auditWindowDays: 36_500 },
    };
    // Only the sync's own time: the baseline before and after it parses on this thread on purpose.
    const { result: sync, baseline } = await againstBaseline(pages, () => {
      delay.enable();
      return syncOnce(data, platform.process.pid!).finally(() => delay.disable());
    });
    const db = new Database(data.dbPath, { readonly: true });
    const cached = db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
    db.close();
    return [
      { name: 'initial sync, every event fetched, checked and written', value: Math.round(cached / sync.writtenSeconds), unit: 'events/s', baseline, note: `${cached.toLocaleString()} events in ${sync.writtenSeconds.toFixed(1)} s` },
      {
        name: 'initial sync, searchable by fields',
        value: Math.round(cached / sync.fieldSeconds),
        unit: 'events/s',
        baseline,
        // The target before ratios, 50,000 events/s, over this baseline when ratios came in (205,426 events/s on a 2-core machine).
        target: '>= 0.24',
        note: `field indexes built ${sync.fieldSeconds.toFixed(1)} s after the start; ${sync.fieldsCpu}`,
      },
      { name: 'initial sync, full text ready', value: Math.round(cached / sync.textSeconds), unit: 'events/s', baseline, note: `${sync.textSeconds.toFixed(1)} s after the start` },
      { name: 'longest main-thread stall during sync', value: Math.round(delay.max / 1e6), unit: 'ms', target: '<= 50' },
    ];
  } finally {
    dir.remove();
  }
}

/** Runs the sync worker until the audit feed is done: seconds until rows were written, fields searchable (with the CPU spent by then) and full text ready. */
async function syncOnce(data: SyncWorkerData, platformPid: number): Promise<{ writtenSeconds: number; fieldSeconds: number; fieldsCpu: string; textSeconds: number }> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const platformCpuAtStart = processCpuSeconds(platformPid);
  const client = startWorkerClient(syncWorkerProtocol, sourceWorkerPaths, data);
  const stop = new AbortController();
  const since = () => (performance.now() - started) / 1000;
  const times = { writtenSeconds: 0, fieldSeconds: 0, fieldsCpu: '', textSeconds: 0 };
  try {
    await new Promise<void>((done, fail) => {
      const onProgress = (message: FromSyncWorker) => {
        if (message.kind === 'progress' && message.resource === 'audit' && message.progress === 1 && times.writtenSeconds === 0) times.writtenSeconds = since();
        if (message.kind === 'progress' && message.detail === fieldSearchReady) {
          times.fieldSeconds = since();
          const { user, system } = process.cpuUsage(cpuAtStart);
          times.fieldsCpu = `${((user + system) / 1e6).toFixed(1)} s CPU here (all threads), ${(processCpuSeconds(platformPid) - platformCpuAtStart).toFixed(1)} s the platform's`;
        }
        if (message.kind === 'success' && message.resource === 'audit') {
          times.textSeconds = since();
          done();
        }
        if (message.kind === 'failure' && message.resource === 'audit') fail(new Error(message.message));
      };
      // The run goes on until cancelled: the audit feed's success or failure ends the wait first.
      client.call('run', {}, { signal: stop.signal, onProgress }).catch(fail);
    });
  } finally {
    stop.abort();
    await client.close();
  }
  return times;
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
