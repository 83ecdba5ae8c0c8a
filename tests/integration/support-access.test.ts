// Support access through the console API against the real reference platform: each look at a
// tenant is logged once as a support.access audit event, or queued while the platform cannot
// be reached and sent later, in order and exactly once. Runs under /tmp/kr.sh (keychain).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SupportAccess, SupportAccessView, SyncStatus } from '../../shared/console-api/index.ts';
import { auditSearchPage, tenantPage } from '../../shared/ops-api/index.ts';
import type { AuditEvent, Tenant } from '../../shared/ops-api/index.ts';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import { createDispatch } from '../../electron/services/dispatch.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform, testNow } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { startRewritingProxy } from '../fixtures/rewriting-proxy.ts';
import type { RewritingProxy } from '../fixtures/rewriting-proxy.ts';

/** How the link between Opsdeck and the platform behaves. */
let link: 'up' | 'down' | 'lose-response' = 'up';
let platform: TestPlatform;
let proxy: RewritingProxy;
let tenants: Tenant[];

beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 8, events: 1_000 });
  proxy = await startRewritingProxy(platform.url, {
    intercept(req, res) {
      if (link === 'down') {
        req.socket.destroy();
        return true;
      }
      if (link === 'lose-response' && req.method === 'POST' && req.url === '/v1/support-access') {
        // The platform gets the request and records it; its answer never comes back.
        void forwardThenDrop(req).then(() => res.socket?.destroy());
        return true;
      }
      return false;
    },
  });
  tenants = tenantPage.parse(await (await platform.get('/v1/tenants?limit=100')).json()).data;
}, 60_000);
afterAll(async () => {
  await proxy.close();
  await platform.stop();
});

async function forwardThenDrop(req: IncomingMessage): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = Object.fromEntries(['authorization', 'content-type', 'idempotency-key'].map((name) => [name, String(req.headers[name])]));
  await fetch(platform.url + req.url, { method: 'POST', headers, body: Buffer.concat(chunks) });
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  link = 'up';
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The console's services over a data dir, as a host runs them; `now` is the main side's clock. */
function openConsole(dataDir: string, clock: () => number = Date.now) {
  const services = createConsoleServices({ dataDir, host: 'web', version: 'test', demo: null, clock });
  const call = createDispatch(services.handlers, () => {});
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await services.close();
  };
  cleanups.push(close);
  async function value<T>(method: string, input: unknown): Promise<T> {
    const result = await call(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  }
  return {
    services,
    call,
    close,
    get: (tenantId: string) => value<SupportAccessView>('supportAccess/get', { tenantId }),
    open: (tenant: Tenant, reason: { category: string; text: string } | null) => value<SupportAccess>('supportAccess/open', { tenantId: tenant.id, tenantName: tenant.name, reason }),
  };
}

let profiles = 0;
/** A saved profile pointing at the platform through the proxy, its token in the keychain (removed afterwards). */
async function withProfile({ console, dir }: ReturnType<typeof freshConsole>, extra: Record<string, unknown> = {}, token = platform.tokens.full) {
  const name = `Support ${process.pid} ${++profiles}`;
  const saved = await console.call('profiles/save', { kind: 'ops-api', name, baseUrl: proxy.url, environment: 'staging', color: null, options: { proxyUrl: null, caFile: null, timeoutMs: 10_000 }, token, ...extra });
  if (!saved.ok) throw new Error(saved.error.message);
  const id = (saved.value as { activeId: string }).activeId;
  cleanups.push(async () => {
    const services = createConsoleServices({ dataDir: dir, host: 'web', version: 'test', demo: null });
    await services.handlers['profiles/remove']({ id, deleteCache: true });
    await services.close();
  });
  return id;
}

function freshConsole(clock?: () => number) {
  const dir = makeDataDir();
  cleanups.push(dir.remove);
  return { console: openConsole(dir.path, clock), dir: dir.path };
}

/** The platform's support.access events whose reason holds `marker`, oldest first. */
async function loggedAccesses(marker: string): Promise<AuditEvent[]> {
  const response = await platform.get(`/v1/audit-events/search?action=support.access&q=${encodeURIComponent(marker)}&limit=1000`);
  const page = auditSearchPage.parse(await response.json());
  return page.data.filter((event) => String(event.metadata.reason).includes(marker)).sort((a, b) => a.seq - b.seq);
}

const ticket = () => `T-${crypto.randomUUID().slice(0, 8)}`;
const online = (profileId: string): SyncStatus => ({ profileId, connection: 'online', reason: null, lastSyncedAt: null, integrityError: null, resources: [] });

describe('support access', () => {
  it('asks first, then a given reason makes exactly one support.access event, linked from the access', async () => {
    const fresh = freshConsole();
    const { console } = fresh;
    await withProfile(fresh);
    const acme = tenants[0]!;
    expect(await console.get(acme.id)).toEqual({ access: null, promptRequired: true, durationMinutes: 30 });

    const number = ticket();
    const access = await console.open(acme, { category: 'customer_ticket', text: number });
    expect(access).toMatchObject({ tenantId: acme.id, tenantName: acme.name, state: 'logged', error: null });
    const events = await loggedAccesses(number);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: access.eventId, action: 'support.access', tenant_id: acme.id, outcome: 'success', metadata: { reason: `Customer ticket: ${number}` } });
    expect(access.auditQuery).toBe(`action:support.access tenant:${acme.id} request:${events[0]!.request_id}`);
    // The same session does not ask again.
    expect((await console.get(acme.id)).access).toEqual(access);
  });

  it('lasts the profile’s set time by the main side’s clock, then asks again', async () => {
    let now = testNow;
    const fresh = freshConsole(() => now);
    const { console } = fresh;
    await withProfile(fresh, { supportAccess: { prompt: true, durationMinutes: 10 } });
    const acme = tenants[1]!;
    const access = await console.open(acme, { category: 'incident', text: 'INC-7' });
    expect(Date.parse(access.expiresAt) - Date.parse(access.grantedAt)).toBe(10 * 60_000);
    expect(access.grantedAt).toBe(new Date(testNow).toISOString());
    now = testNow + 10 * 60_000 - 1;
    expect((await console.get(acme.id)).access?.id).toBe(access.id);
    now = testNow + 10 * 60_000;
    expect((await console.get(acme.id)).access).toBeNull();
  });

  it('queues while the platform is down, keeps the queue over a restart, then sends each once and in order', async () => {
    const fresh = freshConsole();
    const { console, dir } = fresh;
    const profileId = await withProfile(fresh);
    link = 'down';
    const [first, second] = [ticket(), ticket()];
    const queuedFirst = await console.open(tenants[2]!, { category: 'customer_ticket', text: first });
    const queuedSecond = await console.open(tenants[3]!, { category: 'billing_question', text: second });
    expect([queuedFirst.state, queuedSecond.state]).toEqual(['queued', 'queued']);
    expect(queuedFirst.eventId).toBeNull();
    const queueFile = readFileSync(join(dir, 'support-access-queue.json'), 'utf8');
    expect(queueFile).toContain(first);
    expect(queueFile).not.toContain(platform.tokens.full);
    await console.close();

    // Restarted while the platform is still down: the first attempt on start fails and the queue stays.
    const attempts = () => proxy.requests.filter((request) => request.path === '/v1/support-access').length;
    const attemptsBefore = attempts();
    const restarted = openConsole(dir);
    await expect.poll(attempts, { timeout: 10_000 }).toBeGreaterThan(attemptsBefore);
    expect(JSON.parse(readFileSync(join(dir, 'support-access-queue.json'), 'utf8')).pending).toHaveLength(2);
    // The platform is back: the sync says it is reachable, and the queue drains.
    link = 'up';
    const changes: SupportAccess[] = [];
    restarted.services.events.subscribe((event, payload) => event === 'supportAccess/changed' && changes.push(payload as SupportAccess));
    restarted.services.events.emit('sync/changed', online(profileId));
    await expect.poll(() => changes.length, { timeout: 10_000 }).toBe(2);
    expect(changes.map((change) => [change.id, change.state])).toEqual([
      [queuedFirst.id, 'logged'],
      [queuedSecond.id, 'logged'],
    ]);
    const [firstEvents, secondEvents] = [await loggedAccesses(first), await loggedAccesses(second)];
    expect(firstEvents.map((event) => event.id)).toEqual([changes[0]!.eventId]);
    expect(secondEvents.map((event) => event.id)).toEqual([changes[1]!.eventId]);
    expect(firstEvents[0]!.seq).toBeLessThan(secondEvents[0]!.seq);

    // Nothing is sent twice: another reconnect and a later access find the queue empty.
    restarted.services.events.emit('sync/changed', { ...online(profileId), connection: 'offline' });
    restarted.services.events.emit('sync/changed', online(profileId));
    await restarted.open(tenants[4]!, { category: 'other', text: ticket() });
    expect(await loggedAccesses(first)).toHaveLength(1);
    expect(await loggedAccesses(second)).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, 'support-access-queue.json'), 'utf8'))).toEqual({ version: 1, pending: [] });
  });

  it('a lost response is sent again with the same Idempotency-Key and makes no second event', async () => {
    const fresh = freshConsole();
    const { console } = fresh;
    await withProfile(fresh);
    const acme = tenants[5]!;
    const number = ticket();
    link = 'lose-response';
    const access = await console.open(acme, { category: 'customer_ticket', text: number });
    expect(access.state).toBe('queued');
    expect(await loggedAccesses(number)).toHaveLength(1);

    link = 'up';
    await console.open(tenants[6]!, { category: 'incident', text: ticket() });
    const events = await loggedAccesses(number);
    expect(events).toHaveLength(1);
    expect((await console.get(acme.id)).access).toMatchObject({ id: access.id, state: 'logged', eventId: events[0]!.id });
  });

  it('refuses the access, unlogged, when the platform says no, and says why', async () => {
    const fresh = freshConsole();
    const { console } = fresh;
    await withProfile(fresh, {}, platform.tokens.readOnly);
    await expect(console.open(tenants[0]!, { category: 'incident', text: 'INC-9' })).rejects.toThrow(/was not logged: POST \/v1\/support-access: token lacks scope support:write \(403\)/);
    expect((await console.get(tenants[0]!.id)).access).toBeNull();
  });

  it('a prod profile always prompts; a staging profile may turn the prompt off and is still logged', async () => {
    const fresh = freshConsole();
    const { console } = fresh;
    const refused = await console.call('profiles/save', { kind: 'ops-api', name: 'Prod', baseUrl: proxy.url, environment: 'prod', color: null, options: { proxyUrl: null, caFile: null, timeoutMs: 10_000 }, supportAccess: { prompt: false, durationMinutes: 30 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!refused.ok && refused.error.message).toMatch(/field 'supportAccess\.prompt': cannot be off for a prod profile/);

    await withProfile(fresh, { supportAccess: { prompt: false, durationMinutes: 30 } });
    const acme = tenants[7]!;
    expect(await console.get(acme.id)).toMatchObject({ access: null, promptRequired: false });
    const before = (await loggedAccesses('Prompt off for this staging profile')).length;
    expect(await console.open(acme, null)).toMatchObject({ state: 'logged', reason: null });
    expect(await loggedAccesses('Prompt off for this staging profile')).toHaveLength(before + 1);
  });

  it('a profile that prompts will not open without a reason, and an "other" reason needs words', async () => {
    const fresh = freshConsole();
    const { console } = fresh;
    await withProfile(fresh);
    await expect(console.open(tenants[0]!, null)).rejects.toThrow('reason: required');
    await expect(console.open(tenants[0]!, { category: 'other', text: ' ' })).rejects.toThrow(/field 'reason\.text': required for "Other"/);
  });
});
