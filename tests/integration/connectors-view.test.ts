// The connectors view through its console handlers, over a cache a real sync filled from the
// reference platform: the matrix, the connection list with late and stale at the main side's
// clock, a connection's runs, failures per day, the bounded run history, and Test connection.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/clock.ts';
import { connectorsMethods } from '../../shared/console-api/index.ts';
import type { SourceId, SyncStatus } from '../../shared/console-api/index.ts';
import { connectionPage, connectionRunPage, connectorList } from '../../shared/ops-api/index.ts';
import type { Connection } from '../../shared/ops-api/index.ts';
import { openActionLog } from '../../electron/services/action-log/action-log.ts';
import { cacheDbPath } from '../../electron/services/cache/cache-paths.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { createConnectionTests } from '../../electron/services/connectors/connection-tests.ts';
import { createConnectorsHandlers } from '../../electron/services/connectors/connectors-handlers.ts';
import { createOpsApiClient } from '../../electron/services/ops-api/ops-api-client.ts';
import { createProfilePermissions } from '../../electron/services/profiles/profile-permissions.ts';
import { createSourceReaders } from '../../electron/services/reader/source-readers.ts';
import { createSyncLoop } from '../../electron/services/sync/sync-loop.ts';
import { defaultSchedule } from '../../electron/services/sync/sync-schedule.ts';
import { sourceWorkerPaths } from '../../electron/services/workers/start-worker.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform, testNow } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { startRewritingProxy } from '../fixtures/rewriting-proxy.ts';

const dayMs = 86_400_000;
const source: SourceId = 'profile:acme';
let platform: TestPlatform;
let dataDir: ReturnType<typeof makeDataDir>;
let cache: Db;
let readers: ReturnType<typeof createSourceReaders>;
let handlers: ReturnType<typeof handlersAt>;

async function sync(clock: Clock, baseUrl = platform.url): Promise<void> {
  const client = createOpsApiClient({ baseUrl, token: platform.tokens.full, timeoutMs: 10_000, proxyUrl: null, caFile: null });
  const failures = await createSyncLoop({ db: cache, source: { kind: 'ops-api', client }, post: () => {}, signal: new AbortController().signal, schedule: defaultSchedule, clock }).runOnce();
  expect(failures).toEqual([]);
}

beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 16, events: 2_000 });
  dataDir = makeDataDir();
  cache = openCacheDb(cacheDbPath(dataDir.path, 'acme'), { log: () => {} }).db;
  await sync(() => testNow);
  readers = createSourceReaders(dataDir.path, sourceWorkerPaths);
  handlers = handlersAt(testNow);
}, 60_000);
afterAll(async () => {
  await readers.close();
  cache.close();
  dataDir.remove();
  await platform.stop();
});

const handlersAt = (now: number) => createConnectorsHandlers({ readers, activeCache: () => source, clock: () => now });
const platformJson = async (path: string) => (await platform.get(path)).json();
const allConnections = async (query = ''): Promise<Connection[]> => connectionPage.parse(await platformJson(`/v1/connections?limit=1000${query}`)).data;
const platformRuns = (): Db => new Database(platform.dbPath, { readonly: true });

describe('connector matrix', () => {
  it('counts each connector’s connections by status as the platform does, worst first', async () => {
    const { connectors } = await handlers['connectors/matrix']({});
    const reported = connectorList.parse(await platformJson('/v1/connectors')).data;
    expect(connectors.map((connector) => connector.id).sort()).toEqual(reported.map((connector) => connector.id).sort());
    for (const connector of connectors) {
      const { total, ...counts } = reported.find((candidate) => candidate.id === connector.id)!.connections;
      expect({ counts: connector.counts, total: connector.total }).toEqual({ counts, total });
    }
    const keys = connectors.map((connector) => [connector.counts.failing, connector.counts.disconnected, connector.counts.degraded]);
    expect(keys).toEqual([...keys].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]! || b[2]! - a[2]!));
    expect(connectors[0]!.counts.failing).toBeGreaterThan(0);
  });
});

describe('connection list', () => {
  it('a matrix cell lists exactly the platform’s connections of that connector and status, with tenant names', async () => {
    const failing = (await handlers['connectors/matrix']({})).connectors[0]!;
    const { connections, total } = await handlers['connectors/connections']({ connectorId: failing.id, status: 'failing', limit: 1_000 });
    const expected = await allConnections(`&connector_id=${failing.id}&status=failing`);
    expect(total).toBe(failing.counts.failing);
    expect(connections.map((row) => row.id).sort()).toEqual(expected.map((connection) => connection.id).sort());
    const tenants = new Map(((await platformJson('/v1/tenants?limit=1000')) as { data: Array<{ id: string; name: string }> }).data.map((tenant) => [tenant.id, tenant.name]));
    for (const row of connections) {
      const connection = expected.find((candidate) => candidate.id === row.id)!;
      expect(row).toMatchObject({ tenantId: connection.tenant_id, tenantName: tenants.get(connection.tenant_id), status: 'failing', lastError: connection.last_error, records24h: connection.records_synced_24h, errorRate24h: connection.error_rate_24h, latencyP95Ms: connection.latency_ms_p95 });
    }
  });

  it('lists worst status first, and limits while counting all', async () => {
    const { connections, total } = await handlers['connectors/connections']({ limit: 1_000 });
    expect(total).toBe((await allConnections()).length);
    const ranks = connections.map((row) => ['failing', 'disconnected', 'degraded', 'paused', 'healthy'].indexOf(row.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const few = await handlers['connectors/connections']({ limit: 3 });
    expect({ shown: few.connections.length, total: few.total }).toEqual({ shown: 3, total });
  });

  it('says late and stale by the main side’s clock: on time now, stale ten days on, never for paused', async () => {
    const now = (await handlers['connectors/connections']({ limit: 1_000 })).connections;
    const healthy = now.filter((row) => row.status === 'healthy');
    expect(healthy.length).toBeGreaterThan(0);
    // The demo's last runs started within one interval of its "now", and most succeeded.
    expect(healthy.filter((row) => row.lateness === 'on-time').length).toBeGreaterThan(healthy.length / 2);
    const later = (await handlersAt(testNow + 10 * dayMs)['connectors/connections']({ limit: 1_000 })).connections;
    for (const row of later) expect([row.id, row.lateness]).toEqual([row.id, row.status === 'paused' || row.lastSyncAt === null ? null : 'stale']);
  });

  it('an unknown status filter is refused naming the field', () => {
    expect(() => connectorsMethods['connectors/connections'].input.parse({ status: 'broken' })).toThrow(/status/);
  });
});

describe('a connection’s runs', () => {
  it('are the platform’s runs, newest first, with records, durations and errors; the last error whole', async () => {
    const [failing] = await allConnections('&status=failing');
    const { connection, runs } = await handlers['connectors/connection']({ id: failing!.id });
    const reported = connectionRunPage.parse(await platformJson(`/v1/connections/${failing!.id}/runs?limit=1000`)).data;
    expect(runs).toEqual(reported.map((run) => ({ id: run.id, startedAt: run.started_at, finishedAt: run.finished_at, status: run.status, records: run.records, durationMs: run.duration_ms, error: run.error })));
    expect(runs.some((run) => run.status === 'failed')).toBe(true);
    expect(connection.lastError).toEqual(failing!.last_error);
  });

  it('an id not cached is a clear error', async () => {
    await expect(handlers['connectors/connection']({ id: 'con_nothere' })).rejects.toThrow("No connection 'con_nothere' is cached: it may have been removed on the platform, or the connectors have not synced yet.");
  });
});

describe('failures per day', () => {
  it('counts every failed run of the last 30 days by connector and UTC day, as the platform holds them', async () => {
    const { days, connectors } = await handlers['connectors/failures-by-day']({ days: 30 });
    expect(days.at(-1)).toBe(new Date(testNow).toISOString().slice(0, 10));
    // From the day of the oldest cached run, at most 30 days back.
    const oldest = new Date(cache.prepare('SELECT min(started_at) FROM connection_runs').pluck().get() as number).toISOString().slice(0, 10);
    expect(days[0]).toBe([oldest, new Date(testNow - 29 * dayMs).toISOString().slice(0, 10)].sort().at(-1));
    expect(days).toEqual([...new Set(days)].sort());
    const from = `${days[0]}T00:00:00.000Z`;
    const db = platformRuns();
    try {
      const expected = db
        .prepare(`SELECT c.connector_id AS id, substr(r.started_at, 1, 10) AS day, count(*) AS n FROM connection_runs r JOIN connections c ON c.id = r.connection_id WHERE r.status = 'failed' AND r.started_at >= ? GROUP BY 1, 2`)
        .all(from) as Array<{ id: string; day: string; n: number }>;
      const shown = connectors.flatMap((connector) => connector.failures.flatMap((n, index) => (n === 0 ? [] : [{ id: connector.id, day: days[index]!, n }])));
      expect(shown.sort((a, b) => (a.id + a.day).localeCompare(b.id + b.day))).toEqual(expected.sort((a, b) => (a.id + a.day).localeCompare(b.id + b.day)));
    } finally {
      db.close();
    }
    const totals = connectors.map((connector) => connector.failures.reduce((sum, n) => sum + n, 0));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });
});

describe('run history sync', () => {
  it('asks again only the connections that ran since, and keeps 30 days', async () => {
    const proxy = await startRewritingProxy(platform.url, {});
    try {
      const [healthy] = await allConnections('&status=healthy');
      // A new run on the platform, as its scheduler would record it.
      const at = new Date(testNow + 60_000).toISOString();
      const db = new Database(platform.dbPath);
      db.prepare("INSERT INTO connection_runs (id, connection_id, started_at, finished_at, status, records, duration_ms, error) VALUES ('run_fresh', ?, ?, ?, 'succeeded', 77, 1000, NULL)").run(healthy!.id, at, at);
      db.prepare('UPDATE connections SET last_sync_at = ? WHERE id = ?').run(at, healthy!.id);
      db.close();
      await sync(() => testNow + 120_000, proxy.url);
      expect(proxy.requests.map((request) => request.path).filter((path) => path.includes('/runs'))).toEqual([`/v1/connections/${healthy!.id}/runs?limit=100`]);
      expect((await handlers['connectors/connection']({ id: healthy!.id })).runs[0]).toMatchObject({ id: 'run_fresh', records: 77 });
    } finally {
      await proxy.close();
    }
    const before = cache.prepare('SELECT count(*) FROM connection_runs').pluck().get() as number;
    const later = testNow + 20 * dayMs;
    await sync(() => later);
    const kept = cache.prepare('SELECT min(started_at) AS oldest, count(*) AS n FROM connection_runs').get() as { oldest: number; n: number };
    expect(kept.oldest).toBeGreaterThanOrEqual(later - 30 * dayMs);
    expect(kept.n).toBeLessThan(before);
    expect(kept.n).toBeGreaterThan(0);
  });
});

describe('Test connection', () => {
  const online: SyncStatus = { profileId: 'acme', connection: 'online', reason: null, lastSyncedAt: null, integrityError: null, resources: [] };
  const tests = (token: string, status = online) => {
    const options = { activeProfile: () => ({ id: 'acme', name: 'Acme', environment: 'prod' }), connectionFor: async () => ({ kind: 'ops-api' as const, baseUrl: platform.url, token, timeoutMs: 10_000, proxyUrl: null, caFile: null }), syncStatus: () => status };
    return createConnectionTests({ ...options, permissions: createProfilePermissions(options), log: actionLog, clock: () => testNow });
  };
  let actionLog: ReturnType<typeof openActionLog>;
  beforeAll(() => {
    actionLog = openActionLog(dataDir.path);
  });
  afterAll(() => actionLog.close());

  it('tests on the platform: a healthy connection passes, a failing one says why', async () => {
    const [healthy] = await allConnections('&status=healthy');
    const [failing] = await allConnections('&status=failing');
    const live = tests(platform.tokens.full);
    expect(await live['connectors/capabilities']({})).toEqual({ allowed: true, disabledReason: null, profile: 'Acme', environment: 'prod' });
    expect(await live['connectors/test']({ id: healthy!.id })).toMatchObject({ ok: true, error: null, testedAt: new Date(testNow).toISOString() });
    expect(await live['connectors/test']({ id: failing!.id })).toMatchObject({ ok: false, error: failing!.last_error?.message ?? expect.any(String) });
    await expect(live['connectors/test']({ id: 'con_nothere' })).rejects.toThrow(/^Test connection con_nothere failed: .*con_nothere/);
    // Each test is in the action log, newest first, with who ran it and what came of it.
    const logged = actionLog.newest(3);
    expect(logged.map(({ what, ok }) => ({ what, ok }))).toEqual([
      { what: 'Test connection con_nothere', ok: false },
      { what: `Test connection ${failing!.id}`, ok: false },
      { what: `Test connection ${healthy!.id}`, ok: true },
    ]);
    expect(logged[2]).toMatchObject({ profile: 'Acme', environment: 'prod', who: expect.stringContaining('<'), result: expect.stringMatching(/^Connected in \d+ ms$/), at: new Date(testNow).toISOString() });
    expect(logged[1]!.result).toMatch(/^Not connected: ./);
    expect(logged[0]!.result).toMatch(/^Failed: .*con_nothere/);
  });

  it('is not offered to a read-only token and refused if asked; offline it is disabled with the reason', async () => {
    const readOnly = tests(platform.tokens.readOnly);
    expect(await readOnly['connectors/capabilities']({})).toMatchObject({ allowed: false });
    const [healthy] = await allConnections('&status=healthy');
    await expect(readOnly['connectors/test']({ id: healthy!.id })).rejects.toThrow(`Cannot test connection ${healthy!.id} with 'Acme': the token lacks the connectors:write scope.`);
    const offline = tests(platform.tokens.full, { ...online, connection: 'offline', reason: 'GET /v1/connectors: connect ECONNREFUSED' });
    expect(await offline['connectors/capabilities']({})).toMatchObject({ allowed: true, disabledReason: 'Offline: GET /v1/connectors: connect ECONNREFUSED.' });
  });
});
