import { spawn, spawnSync } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { eventDigest } from '../../electron/services/audit/event-digest.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { readSyncState } from '../../electron/services/cache/sync-state.ts';
import { createOpsApiClient } from '../../electron/services/ops-api/ops-api-client.ts';
import { OpsApiError } from '../../electron/services/ops-api/ops-api-error.ts';
import { syncAuditFeed } from '../../electron/services/sync/audit-sync.ts';
import { IntegrityError } from '../../electron/services/sync/integrity-error.ts';
import { createSyncLoop } from '../../electron/services/sync/sync-loop.ts';
import { defaultSchedule } from '../../electron/services/sync/sync-schedule.ts';
import type { FromSyncWorker } from '../../electron/services/sync/sync-messages.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { startRewritingProxy } from '../fixtures/rewriting-proxy.ts';
import type { ProxyOptions, RewritingProxy } from '../fixtures/rewriting-proxy.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 20, events: 20_000 });
});
afterAll(() => platform.stop());

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function cache() {
  const opened = makeCacheDb();
  cleanups.push(opened.remove);
  return opened.db;
}

async function proxy(options: Parameters<typeof startRewritingProxy>[1]): Promise<RewritingProxy> {
  const started = await startRewritingProxy(platform.url, options);
  cleanups.push(started.close);
  return started;
}

const client = (baseUrl = platform.url, token = platform.tokens.full) =>
  createOpsApiClient({ baseUrl, token, timeoutMs: 10_000, proxyUrl: null, caFile: null }, { limit: 3, maxRetryAfterMs: 5_000 });

const windowStartMs = () => Date.now() - 90 * 86_400_000;

const auditSync = (db: Database.Database, baseUrl?: string, bulkLoadFrom?: number) =>
  syncAuditFeed({ db, client: client(baseUrl), report: () => {}, signal: new AbortController().signal, pageSize: 500, windowStartMs: windowStartMs(), ...(bulkLoadFrom === undefined ? {} : { bulkLoadFrom }) });

/** Where pages are read and checked: on the sync's own thread (a short catch-up) or on the feed worker (a bulk load). */
const readers = [
  { reader: 'on the sync thread', bulkLoadFrom: undefined },
  { reader: 'on the feed worker', bulkLoadFrom: 0 },
];

const auditIndexes = (db: Database.Database) => db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'audit_events' AND sql IS NOT NULL").pluck().get();

function cached(db: Database.Database) {
  return db.prepare('SELECT count(*) AS count, min(seq) AS first, max(seq) AS last, count(DISTINCT id) AS ids FROM audit_events').get() as {
    count: number;
    first: number;
    last: number;
    ids: number;
  };
}

async function platformHead(): Promise<number> {
  return ((await (await platform.get('/v1/audit-events/head')).json()) as { seq: number }).seq;
}

async function eventAt(seq: number): Promise<{ id: string; occurred_at: string; hash: string }> {
  const page = (await (await platform.get(`/v1/audit-events?after_seq=${seq - 1}&limit=1`)).json()) as { data: Array<{ id: string; occurred_at: string; hash: string }> };
  return page.data[0]!;
}

describe('audit sync against the reference platform', () => {
  it.each(readers)('a first sync fills the cache with the 90-day window, contiguous up to the platform head, read $reader', async ({ bulkLoadFrom }) => {
    const db = cache();
    const indexes = auditIndexes(db);
    const { fetched } = await auditSync(db, undefined, bulkLoadFrom);
    expect(auditIndexes(db)).toBe(indexes);
    const head = await platformHead();
    const stats = cached(db);
    expect(stats.last).toBe(head);
    expect(stats.count).toBe(stats.last - stats.first + 1);
    expect(stats.ids).toBe(stats.count);
    expect(fetched).toBe(stats.count);
    expect(Date.parse((await eventAt(stats.first)).occurred_at)).toBeGreaterThanOrEqual(windowStartMs() - 60_000);
    expect(Date.parse((await eventAt(stats.first - 1)).occurred_at)).toBeLessThan(windowStartMs());
  });

  it.each(readers)('a platform that serves shorter pages than asked is followed to its head with no gap, read $reader', async ({ bulkLoadFrom }) => {
    const db = cache();
    const capped = await proxy(rewritingFeed((page) => (page.data.length > 300 ? { data: page.data.slice(0, 300), has_more: true } : page)));
    const { fetched } = await auditSync(db, capped.url, bulkLoadFrom);
    const stats = cached(db);
    expect(stats.first).toBe(await windowFirstSeq());
    expect(stats.last).toBe(await platformHead());
    expect(stats.count).toBe(stats.last - stats.first + 1);
    expect(fetched).toBe(stats.count);
  });

  it.each(readers)('feed pages that begin with a UTF-8 byte order mark are read as JSON, read $reader', async ({ bulkLoadFrom }) => {
    const db = cache();
    const withMark = await proxy({
      intercept: (req, res) => {
        if (!req.url!.startsWith('/v1/audit-events?')) return false;
        void platform.get(req.url!).then(async (upstream) => {
          res.writeHead(upstream.status, { 'Content-Type': 'application/json' });
          res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(await upstream.arrayBuffer())]));
        });
        return true;
      },
    });
    const { fetched } = await auditSync(db, withMark.url, bulkLoadFrom);
    const stats = cached(db);
    expect(stats.last).toBe(await platformHead());
    expect(fetched).toBe(stats.count);
    expect(db.prepare('SELECT raw FROM audit_events ORDER BY seq LIMIT 1').pluck().get()).toMatch(/^\{"id":"evt_/);
  });

  it('an incremental sync fetches only the new events', async () => {
    const db = cache();
    const tap = await proxy({});
    await auditSync(db, tap.url);
    const before = cached(db);
    for (const reason of ['Ticket 4411: billing question', 'Ticket 4412: SSO setup']) {
      const response = await platform.send('POST', '/v1/support-access', { body: { tenant_id: (await firstTenant()).id, reason } });
      expect(response.status).toBe(201);
    }
    tap.requests.length = 0;
    const { fetched } = await auditSync(db, tap.url);
    expect(fetched).toBe(2);
    expect(cached(db).last).toBe(before.last + 2);
    const feed = tap.requests.filter((request) => request.path.startsWith('/v1/audit-events?'));
    expect(feed.map((request) => new URL(request.path, 'http://x').searchParams.get('after_seq'))).toEqual([String(before.last)]);
    const newest = db.prepare('SELECT action, raw FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { action: string; raw: string };
    expect(newest.action).toBe('support.access');
    expect(JSON.parse(newest.raw).metadata.reason).toBe('Ticket 4412: SSO setup');
  });

  it.each(readers)('a page that violates the schema is rejected, naming the endpoint and field, and nothing from it is cached, read $reader', async ({ bulkLoadFrom }) => {
    const db = cache();
    const secondPageStarts = (await windowFirstSeq()) + 500;
    const bad = await proxy(
      rewritingFeed((page) => (page.data[0]?.seq === secondPageStarts ? { ...page, data: page.data.map((event, i) => (i === 3 ? { ...event, outcome: 'maybe' } : event)) } : page)),
    );

    const failure = await auditSync(db, bad.url, bulkLoadFrom).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpsApiError);
    expect((failure as OpsApiError).kind).toBe('contract');
    expect((failure as Error).message).toMatch(/^GET \/v1\/audit-events: the response does not match the Ops API contract: field 'data\.3\.outcome': /);
    const stats = cached(db);
    expect(stats.last).toBe(secondPageStarts - 1);
    expect(stats.count).toBe(500);
  });

  it.each(readers)('a broken chain stops the sync with an integrity error and keeps everything before it, read $reader', async ({ bulkLoadFrom }) => {
    const db = cache();
    const target = (await windowFirstSeq()) + 700;
    const tampered = await proxy(rewritingFeed((page) => ({ ...page, data: page.data.map((event) => (event.seq === target ? { ...event, ip: '203.0.113.66' } : event)) })));
    const failure = await auditSync(db, tampered.url, bulkLoadFrom).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IntegrityError);
    expect((failure as Error).message).toMatch(new RegExp(`^Integrity: audit event seq ${target} \\(evt_\\w+\\) content hashes to [0-9a-f]{12}… but states [0-9a-f]{12}… \\(altered\\)\\. Sync stopped; everything cached before it is kept\\.$`));
    const stats = cached(db);
    expect(stats.last).toBe(target - 1);
    expect(stats.count).toBe(700);
  });

  it.each(readers.flatMap((reader) => chainBreaks.map((where) => ({ ...reader, ...where }))))(
    'a chain break $where keeps every event before it, with its cursor, and nothing after it, read $reader',
    async ({ bulkLoadFrom, offset }) => {
      const db = cache();
      const indexes = auditIndexes(db);
      const first = await windowFirstSeq();
      const target = first + offset;
      const unlinked = await proxy(rewritingFeed((page) => ({ ...page, data: page.data.map((event) => (event.seq === target ? rehashed({ ...event, prev_hash: 'e'.repeat(64) }) : event)) })));
      const failure = await auditSync(db, unlinked.url, bulkLoadFrom).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(IntegrityError);
      expect((failure as Error).message).toMatch(
        new RegExp(`^Integrity: audit event seq ${target} \\(evt_\\w+\\) has prev_hash e{12}… but seq ${target - 1} hashes to [0-9a-f]{12}… \\(chain break\\)\\. Sync stopped; everything cached before it is kept\\.$`),
      );
      expect(cached(db)).toMatchObject({ first, last: target - 1, count: offset, ids: offset });
      expect(readSyncState(db).find((state) => state.resource === 'audit')?.cursor).toBe(String(target - 1));
      expect(auditIndexes(db)).toBe(indexes);
    },
  );

  it.each(readers)('events a page repeats from before the after_seq asked are dropped when identical, and the sync goes on to the head, read $reader', async ({ bulkLoadFrom }) => {
    const db = cache();
    const first = await windowFirstSeq();
    const overlapping = await overlappingFeed((afterSeq) => (afterSeq > first && afterSeq % 3 === 0 ? 4 : 0));
    const { fetched } = await auditSync(db, overlapping.url, bulkLoadFrom);
    expect(overlapping.overlapped()).toBeGreaterThan(0);
    const stats = cached(db);
    expect(stats).toMatchObject({ first, last: await platformHead() });
    expect(stats.count).toBe(stats.last - stats.first + 1);
    expect(stats.ids).toBe(stats.count);
    expect(fetched).toBe(stats.count);
    expect(readSyncState(db).find((state) => state.resource === 'audit')?.cursor).toBe(String(stats.last));
  });

  it.each(readers)('a repeated seq with different content is an integrity error naming the seq and both copies, read $reader', async ({ bulkLoadFrom }) => {
    const db = cache();
    const secondPageAfter = (await windowFirstSeq()) + 499;
    const received = await eventAt(secondPageAfter);
    // The repeated copy of the first page's last event differs, and the page is chained on from it, as a forger would.
    const overlapping = await overlappingFeed(
      (afterSeq) => (afterSeq === secondPageAfter ? 3 : 0),
      (page, afterSeq) => (afterSeq === secondPageAfter ? rechained(page.map((event) => (event.seq === afterSeq ? { ...event, ip: '203.0.113.66' } : event))) : page),
    );
    const failure = await auditSync(db, overlapping.url, bulkLoadFrom).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IntegrityError);
    expect((failure as Error).message).toMatch(
      new RegExp(
        `^Integrity: audit event seq ${secondPageAfter} \\(${received.id}\\) was received before as ${received.id} with hash ${received.hash.slice(0, 12)}…, and comes again with hash (?!${received.hash.slice(0, 12)})[0-9a-f]{12}… \\(a repeat that differs\\)\\. Sync stopped; everything cached before it is kept\\.$`,
      ),
    );
    expect(cached(db)).toMatchObject({ last: secondPageAfter, count: 500 });
    expect(readSyncState(db).find((state) => state.resource === 'audit')?.cursor).toBe(String(secondPageAfter));
  });

  it.each(readers)('a page that does not reach the after_seq asked is refused, naming what was asked and sent, read $reader', async ({ bulkLoadFrom }) => {
    const db = cache();
    const secondPageAfter = (await windowFirstSeq()) + 499;
    const backwards = await overlappingFeed((afterSeq) => (afterSeq === secondPageAfter ? 600 : 0));
    const failure = await auditSync(db, backwards.url, bulkLoadFrom).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpsApiError);
    expect((failure as Error).message).toBe(
      `GET /v1/audit-events: asked for the events after seq ${secondPageAfter}, the platform sent seq ${secondPageAfter - 599} to ${secondPageAfter - 100} and said more follow`,
    );
    expect(cached(db)).toMatchObject({ last: secondPageAfter, count: 500 });
  });

  it.each(readers.flatMap((reader) => failureKinds.map((kind) => ({ ...reader, ...kind }))))(
    '$failure reaches the user with a reason after every colon, read $reader',
    async ({ bulkLoadFrom, misbehave }) => {
      const db = cache();
      const misbehaving = await proxy(misbehave);
      const failure = await auditSync(db, misbehaving.url, bulkLoadFrom).catch((error: unknown) => error);
      expectReason(failure);
    },
  );

  it('an audit feed worker that dies throwing something other than an Error is reported with a reason', async () => {
    const db = cache();
    const failure = await syncAuditFeed({
      db,
      client: client(),
      report: () => {},
      signal: new AbortController().signal,
      pageSize: 500,
      windowStartMs: windowStartMs(),
      bulkLoadFrom: 0,
      feedWorker: fileURLToPath(new URL('../fixtures/workers/throwing-feed.worker.ts', import.meta.url)),
    }).catch((error: unknown) => error);
    expectReason(failure);
    expect((failure as Error).message).toBe('The sync-feed worker failed: a non-error was thrown: feed worker gave up');
  });

  it.each(readers)('an id the platform sends twice stops the sync with an integrity error and keeps everything before it, read $reader', async ({ bulkLoadFrom }) => {
    const db = cache();
    const indexes = auditIndexes(db);
    const first = await windowFirstSeq();
    const head = await platformHead();
    const firstId = (await eventAt(first)).id;
    // The head event re-issued under the first event's id, hashed again so that the chain holds.
    const repeating = await proxy(rewritingFeed((page) => ({ ...page, data: page.data.map((event) => (event.seq === head ? rehashed({ ...event, id: firstId }) : event)) })));
    const failure = await auditSync(db, repeating.url, bulkLoadFrom).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IntegrityError);
    expect((failure as Error).message).toBe(`Integrity: audit event seq ${head} (${firstId}) repeats the id of seq ${first}. Sync stopped; everything cached before it is kept.`);
    const stats = cached(db);
    expect(stats.first).toBe(first);
    expect(stats.last).toBe(head - 1);
    expect(stats.ids).toBe(stats.count);
    expect(auditIndexes(db)).toBe(indexes);
    expect(readSyncState(db).find((state) => state.resource === 'audit')?.cursor).toBe(String(head - 1));
  });

  it('honours 429 with Retry-After before asking again', async () => {
    const db = cache();
    let refused = false;
    const limited = await proxy({
      intercept: (req, res) => {
        if (refused || !req.url!.startsWith('/v1/audit-events/head')) return false;
        refused = true;
        res.writeHead(429, { 'Content-Type': 'application/problem+json', 'Retry-After': '2' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'slow down' }));
        return true;
      },
    });
    await auditSync(db, limited.url);
    const heads = limited.requests.filter((request) => request.path.startsWith('/v1/audit-events/head'));
    expect(heads).toHaveLength(2);
    expect(heads[1]!.at - heads[0]!.at).toBeGreaterThanOrEqual(1_900);
    expect(cached(db).last).toBe(await platformHead());
  });
});

describe('the sync loop', () => {
  it('an unreachable platform is reported as offline and the cache keeps what it had', async () => {
    const db = cache();
    await auditSync(db);
    const before = cached(db);
    const gone = await proxy({});
    await gone.close();
    const messages: FromSyncWorker[] = [];
    const loop = createSyncLoop({ db, source: { kind: 'ops-api', client: client(gone.url) }, post: (message) => messages.push(message), signal: new AbortController().signal, schedule: defaultSchedule, clock: systemClock });
    const failures = await loop.runOnce();
    expect(failures.length).toBeGreaterThan(0);
    const audit = messages.find((message) => message.kind === 'failure' && message.resource === 'audit');
    expect(audit).toMatchObject({ kind: 'failure', unreachable: true, integrity: false });
    expect((audit as { message: string }).message).toMatch(/cannot reach the platform \(ECONNREFUSED\)/);
    expect(cached(db)).toEqual(before);
    expect(readSyncState(db).find((state) => state.resource === 'audit')?.lastError).toMatch(/ECONNREFUSED/);
  });

  it('fills queues, tenants, billing, connectors, their runs and the platform status in one pass', async () => {
    const db = cache();
    const loop = createSyncLoop({ db, source: { kind: 'ops-api', client: client() }, post: () => {}, signal: new AbortController().signal, schedule: defaultSchedule, clock: systemClock });
    expect(await loop.runOnce()).toEqual([]);
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    expect(count('queues')).toBe(7);
    expect(count('queue_samples')).toBeGreaterThan(7 * 100);
    expect(count('failed_jobs')).toBeGreaterThan(0);
    expect(count('tenants')).toBe(20);
    expect(count('tenant_billing')).toBe(20);
    expect(count('invoices')).toBeGreaterThan(20 * 10);
    expect(count('connectors')).toBe(12);
    expect(count('connections')).toBeGreaterThan(0);
    expect(count('connection_runs')).toBeGreaterThan(0);
    expect(count('platform_status')).toBeGreaterThan(1);
    expect(readSyncState(db).map((state) => [state.resource, state.lastError])).toEqual([
      ['audit', null],
      ['billing', null],
      ['connection-runs', null],
      ['connectors', null],
      ['failed-jobs', null],
      ['queues', null],
      ['status', null],
      ['tenants', null],
    ]);
  });

  it('backfills the queue history missed while closed, from the newest cached sample up to the clock', async () => {
    // One clock for the platform and the console: the console last ran two days ago, then starts now.
    const now = Date.now();
    const closedAt = now - 2 * 86_400_000;
    let time = now;
    const clock = () => time;
    const own = await startTestPlatform({ tenants: 5, events: 2_000, clock });
    cleanups.push(own.stop);
    const db = cache();
    const refresh = () => createSyncLoop({ db, source: { kind: 'ops-api', client: client(own.url, own.tokens.full) }, post: () => {}, signal: new AbortController().signal, schedule: defaultSchedule, clock }).runOnce();
    const samples = () => db.prepare("SELECT at FROM queue_samples WHERE queue = 'email-sending' ORDER BY at").pluck().all() as number[];

    time = closedAt;
    expect(await refresh()).toEqual([]);
    const before = samples();
    expect(before.at(-1)).toBe(closedAt);
    expect(closedAt - before[0]!).toBeGreaterThan(6 * 86_400_000);

    time = now;
    expect(await refresh()).toEqual([]);
    const after = samples().filter((at) => at > closedAt);
    expect(after.at(-1)).toBe(now);
    // The two missed days arrive as one-minute steps, with no hole wider than a step.
    expect(after.length).toBeGreaterThan(2 * 24 * 60 - 2);
    const widestHole = Math.max(...after.map((at, index) => at - (index === 0 ? closedAt : after[index - 1]!)));
    expect(widestHole).toBeLessThanOrEqual(60_000);
  });
});

describe('snapshot refresh', () => {
  it('a tenant and a failed job removed on the platform disappear from the cache at the next refresh', async () => {
    const own = await startTestPlatform({ tenants: 5, events: 2_000 });
    cleanups.push(own.stop);
    const db = cache();
    const refresh = () => createSyncLoop({ db, source: { kind: 'ops-api', client: client(own.url, own.tokens.full) }, post: () => {}, signal: new AbortController().signal, schedule: defaultSchedule, clock: systemClock }).runOnce();
    expect(await refresh()).toEqual([]);
    const cachedIds = (sql: string) => db.prepare(sql).pluck().all() as string[];
    const [gone] = cachedIds('SELECT id FROM tenants ORDER BY id');
    const failed = db.prepare('SELECT queue, id FROM failed_jobs ORDER BY queue, id LIMIT 1').get() as { queue: string; id: string };
    expect(cachedIds('SELECT tenant_id FROM tenant_billing')).toContain(gone);

    const removed = await own.send('DELETE', `/v1/queues/${encodeURIComponent(failed.queue)}/jobs/${encodeURIComponent(failed.id)}`);
    expect(removed.status).toBe(204);
    // The Ops API has no call that deletes a tenant: remove it at the platform's source.
    const source = new Database(own.dbPath);
    source.prepare('DELETE FROM tenants WHERE id = ?').run(gone);
    source.close();

    expect(await refresh()).toEqual([]);
    expect(cachedIds('SELECT id FROM tenants')).not.toContain(gone);
    expect(cachedIds('SELECT id FROM tenants')).toHaveLength(4);
    expect(cachedIds('SELECT tenant_id FROM tenant_billing')).not.toContain(gone);
    expect(db.prepare('SELECT count(*) FROM invoices WHERE tenant_id = ?').pluck().get(gone)).toBe(0);
    expect(cachedIds('SELECT queue || \'/\' || id FROM failed_jobs')).not.toContain(`${failed.queue}/${failed.id}`);
    expect(cachedIds('SELECT id FROM failed_jobs').length).toBeGreaterThan(0);
  });
});

describe('scopes', () => {
  it('a token without a scope skips that resource instead of failing it', async () => {
    const db = cache();
    const messages: FromSyncWorker[] = [];
    const loop = createSyncLoop({ db, source: { kind: 'ops-api', client: client(platform.url, platform.tokens.auditOnly) }, post: (message) => messages.push(message), signal: new AbortController().signal, schedule: defaultSchedule, clock: systemClock });
    expect(await loop.runOnce()).toEqual([]);
    expect(messages.filter((message) => message.kind === 'skipped').map((message) => [message.resource, (message as { reason: string }).reason])).toEqual([
      ['queues', 'the token lacks scope queues:read'],
      ['failed-jobs', 'the token lacks scope queues:read'],
      ['tenants', 'the token lacks scope tenants:read'],
      ['connectors', 'the token lacks scope connectors:read'],
      ['billing', 'the token lacks scope billing:read'],
      ['connection-runs', 'the token lacks scope connectors:read'],
    ]);
    expect(cached(db).count).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM tenants').pluck().get()).toBe(0);
  });
});

describe('opsdeck sync', () => {
  it('a kill -9 in the middle of a sync, then a restart, ends with exactly the platform’s events', async () => {
    const dir = makeDataDir();
    cleanups.push(dir.remove);
    const dbPath = `${dir.path}/cache.sqlite`;
    const args = ['bin/opsdeck.mjs', 'sync', '--base-url', platform.url, '--token-env', 'OPSDECK_TEST_TOKEN', '--db', dbPath, '--once'];
    const env = { ...process.env, OPSDECK_TEST_TOKEN: platform.tokens.full };

    const started = Date.now();
    const first = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((done) => createInterface({ input: first.stdout! }).on('line', (line) => line.startsWith('audit: ') && done()));
    first.kill('SIGKILL');
    await new Promise((done) => first.on('exit', done));
    const partial = new Database(dbPath, { readonly: true });
    const afterKill = cached(partial);
    partial.close();
    expect(afterKill.count).toBeGreaterThan(0);

    // Not spawnSync: the platform answers from this process's event loop.
    const second = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    second.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((done) => second.on('exit', done))).toBe(0);
    expect(stderr).toBe('');
    const { db } = openCacheDb(dbPath, { log: () => {} });
    const stats = cached(db);
    db.close();
    expect(stats.last).toBe(await platformHead());
    // The restart prunes what aged out of the 90-day window since the kill, and only that.
    expect(stats.first).toBeGreaterThanOrEqual(afterKill.first);
    await expectWindowStart(stats.first, started);
    expect(stats.count).toBe(stats.last - stats.first + 1);
    expect(stats.ids).toBe(stats.count);
  });

  it('--once follows a feed whose pages sometimes start before the after_seq asked to the head, and exits 0', async () => {
    const dir = makeDataDir();
    cleanups.push(dir.remove);
    const dbPath = `${dir.path}/cache.sqlite`;
    const first = await windowFirstSeq();
    // Pages of 1,000 step after_seq through every remainder mod 3 (mod 2 would keep the parity of the window's start).
    const overlapping = await overlappingFeed((afterSeq) => (afterSeq > first && afterSeq % 3 === 0 ? 4 : 0));
    const started = Date.now();
    const run = spawn(process.execPath, ['bin/opsdeck.mjs', 'sync', '--base-url', overlapping.url, '--token-env', 'OPSDECK_TEST_TOKEN', '--db', dbPath, '--once'], {
      env: { ...process.env, OPSDECK_TEST_TOKEN: platform.tokens.full },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    run.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((done) => run.on('exit', done))).toBe(0);
    expect(stderr).toBe('');
    expect(overlapping.overlapped()).toBeGreaterThan(0);
    const { db } = openCacheDb(dbPath, { log: () => {} });
    const stats = cached(db);
    db.close();
    expect(stats).toMatchObject({ last: await platformHead(), count: stats.last - stats.first + 1, ids: stats.count });
    await expectWindowStart(stats.first, started);
  });

  it('--once says why each resource failed after "sync failed:"', async () => {
    const dir = makeDataDir();
    cleanups.push(dir.remove);
    const failing = await proxy(problemWithoutDetail);
    const run = spawn(process.execPath, ['bin/opsdeck.mjs', 'sync', '--base-url', failing.url, '--token-env', 'OPSDECK_TEST_TOKEN', '--db', `${dir.path}/cache.sqlite`, '--once'], {
      env: { ...process.env, OPSDECK_TEST_TOKEN: platform.tokens.full },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    run.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((done) => run.on('exit', done))).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    const reasons = lines.slice(lines.indexOf('sync failed:') + 1);
    expect(reasons).toEqual(['  GET /v1/audit-events: the platform failed (500): 500 Internal Server Error']);
  });

  it('fails clearly without a token and names the variable', () => {
    const result = spawnSync(process.execPath, ['bin/opsdeck.mjs', 'sync', '--base-url', platform.url, '--token-env', 'NOT_SET_ANYWHERE', '--once'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the environment variable NOT_SET_ANYWHERE is empty or not set');
  });
});

async function firstTenant(): Promise<{ id: string }> {
  return ((await (await platform.get('/v1/tenants?limit=1')).json()) as { data: Array<{ id: string }> }).data[0]!;
}

function rehashed(event: Record<string, unknown>): Record<string, unknown> {
  return { ...event, hash: eventDigest(event) };
}

/** The first seq a fresh cache holds: just after the newest event older than the window. */
/**
 * The cache begins at the platform's first event inside the 90-day window of some moment from
 * `since` to now: an event at the window's edge may age out while a sync runs.
 */
async function expectWindowStart(firstSeq: number, since: number): Promise<void> {
  expect(Date.parse((await eventAt(firstSeq)).occurred_at)).toBeGreaterThanOrEqual(since - 90 * 86_400_000);
  if (firstSeq > 1) expect(Date.parse((await eventAt(firstSeq - 1)).occurred_at)).toBeLessThan(windowStartMs());
}

async function windowFirstSeq(): Promise<number> {
  const db = cache();
  await auditSync(db);
  return cached(db).first;
}

/** Where a chain break sits, counted from the first event of a fresh cache (feed pages of 500). */
const chainBreaks = [
  { where: 'mid-way through the first page', offset: 276 },
  { where: 'at a page boundary', offset: 500 },
  { where: 'mid-way through a later page', offset: 776 },
];

/** A proxy that answers the feed's requests itself, with `answer`, and forwards the rest. */
function answeringFeed(answer: (req: IncomingMessage, res: ServerResponse) => void): ProxyOptions {
  return {
    intercept: (req, res) => {
      if (!req.url!.startsWith('/v1/audit-events?')) return false;
      answer(req, res);
      return true;
    },
  };
}

/** A proxy that passes each feed page through `change`. */
function rewritingFeed(change: (page: Record<string, unknown> & { data: Array<Record<string, unknown>> }) => Record<string, unknown>): ProxyOptions {
  return { rewrite: (path, body) => (path.startsWith('/v1/audit-events?') ? change(body as Parameters<typeof change>[0]) : body) };
}

const problemWithoutDetail = answeringFeed((_, res) =>
  res.writeHead(500, { 'Content-Type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: '', status: 500, detail: '' })),
);

/** Every way the audit sync can fail, made by a misbehaving platform. */
const failureKinds: Array<{ failure: string; misbehave: ProxyOptions }> = [
  { failure: 'an integrity error', misbehave: rewritingFeed((page) => ({ ...page, data: page.data.map((event) => ({ ...event, ip: '203.0.113.66' })) })) },
  { failure: 'a schema mismatch', misbehave: rewritingFeed((page) => ({ ...page, has_more: 'maybe' })) },
  { failure: 'an HTTP problem without a detail', misbehave: problemWithoutDetail },
  { failure: 'an HTTP error without a problem body', misbehave: answeringFeed((_, res) => res.writeHead(404).end()) },
  { failure: 'a network failure', misbehave: answeringFeed((req) => req.socket.destroy()) },
  {
    failure: 'a response cut off mid-body',
    misbehave: answeringFeed((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
      res.write('{"data":[');
      setTimeout(() => req.socket.destroy(), 20);
    }),
  },
];

/** An Error whose message says something after each of its colons. */
function expectReason(failure: unknown): void {
  expect(failure).toBeInstanceOf(Error);
  const { message } = failure as Error;
  expect(message.trim()).not.toBe('');
  expect(message).not.toMatch(/:\s*($|[.,;:)])/);
}

/**
 * The platform behind a proxy whose feed answers a request from `overlap(afterSeq)` events before
 * the after_seq asked, each page's events passed through `alter` with the after_seq asked.
 */
async function overlappingFeed(overlap: (afterSeq: number) => number, alter = (events: Array<Record<string, unknown>>, _afterSeq: number) => events) {
  let overlapped = 0;
  const started = await proxy(
    answeringFeed((req, res) => {
      const url = new URL(req.url!, platform.url);
      const afterSeq = Number(url.searchParams.get('after_seq'));
      const by = overlap(afterSeq);
      if (by > 0) overlapped++;
      url.searchParams.set('after_seq', String(afterSeq - by));
      void platform.get(`${url.pathname}${url.search}`).then(async (upstream) => {
        const page = (await upstream.json()) as { data: Array<Record<string, unknown>>; has_more: boolean };
        res.writeHead(upstream.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ ...page, data: alter(page.data, afterSeq) }));
      });
    }),
  );
  return { url: started.url, overlapped: () => overlapped };
}

/** Events sealed again in order, each linked to the one before it: a chain that holds whatever was changed. */
function rechained(events: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  let prevHash = events[0]?.prev_hash;
  return events.map((event) => {
    const sealed = rehashed({ ...event, prev_hash: prevHash });
    prevHash = sealed.hash;
    return sealed;
  });
}
