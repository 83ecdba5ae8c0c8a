// Home and the command palette from the cache, filled by a real sync from the reference platform
// over loopback: what they show must be what the platform itself answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMethod, MethodInput, MethodOutput } from '../../shared/console-api/index.ts';
import type { AuditEvent, Connection, PlatformStatus, Tenant } from '../../shared/ops-api/index.ts';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import type { ConsoleServices } from '../../electron/services/console-services.ts';
import { createDispatch } from '../../electron/services/dispatch.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';

let platform: TestPlatform;
let services: ConsoleServices;
const dataDir = makeDataDir();
let call: ReturnType<typeof createDispatch>;
async function api<M extends ConsoleMethod>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as MethodOutput<M>;
}
async function platformJson<T>(path: string): Promise<T> {
  const response = await platform.get(path);
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}
async function allPages<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page: { data: T[]; next_cursor: string | null } = await platformJson(`${path}${path.includes('?') ? '&' : '?'}limit=1000${cursor === '' ? '' : `&cursor=${cursor}`}`);
    items.push(...page.data);
    cursor = page.next_cursor;
  }
  return items;
}

beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 40, events: 3_000 });
  services = createConsoleServices({ dataDir: dataDir.path, host: 'web', version: 'test', demo: null });
  call = createDispatch(services.handlers, () => {});
  await api('profiles/save', {
    kind: 'ops-api',
    name: 'Reference',
    baseUrl: platform.url,
    environment: 'staging',
    color: null,
    options: { proxyUrl: null, caFile: null, timeoutMs: 10_000 },
    token: platform.tokens.full,
    tokenStorage: 'session',
  } as MethodInput<'profiles/save'>);
  const needed = ['status', 'audit', 'tenants', 'billing', 'connectors'];
  for (const until = Date.now() + 60_000; ; await new Promise((resolve) => setTimeout(resolve, 300))) {
    const { resources } = await api('sync/status', {});
    if (needed.every((name) => resources.find((resource) => resource.resource === name)?.lastSuccessAt != null)) break;
    if (Date.now() > until) throw new Error(`the sync did not finish within 60 s: ${JSON.stringify(resources)}`);
  }
}, 90_000);
afterAll(async () => {
  await services.close();
  await platform.stop();
  dataDir.remove();
});

it("shows the platform's status, component by component", async () => {
  const status = await platformJson<PlatformStatus>('/v1/status');
  const { status: shown } = await api('home/glance', {});
  expect(shown?.overall).toBe(status.status);
  expect(shown?.components.map(({ name, status: level }) => ({ name, status: level })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
    status.components.map(({ name, status: level }) => ({ name, status: level })).sort((a, b) => a.name.localeCompare(b.name)),
  );
});

it('counts the past-due tenants and sums MRR per currency, never across currencies', async () => {
  const tenants = await allPages<Tenant>('/v1/tenants');
  const { billing } = await api('home/glance', {});
  const pastDue = tenants.filter((tenant) => tenant.status === 'past_due');
  expect(pastDue.length).toBeGreaterThan(0);
  expect(billing.pastDueCount).toBe(pastDue.length);
  expect(billing.pastDue.every((tenant) => pastDue.some((due) => due.id === tenant.id))).toBe(true);
  const byCurrency = new Map<string, number>();
  for (const tenant of tenants) if (tenant.mrr_cents > 0) byCurrency.set(tenant.currency, (byCurrency.get(tenant.currency) ?? 0) + tenant.mrr_cents);
  expect(new Map(billing.mrr.map((entry) => [entry.currency, entry.mrrCents]))).toEqual(byCurrency);
});

it('counts failing and disconnected connections, and lists the worst first', async () => {
  const connections = await allPages<Connection>('/v1/connections');
  const { connections: shown } = await api('home/glance', {});
  expect(shown.total).toBe(connections.length);
  expect(shown.failing).toBe(connections.filter((connection) => connection.status === 'failing').length);
  expect(shown.disconnected).toBe(connections.filter((connection) => connection.status === 'disconnected').length);
  expect(shown.worst.length).toBeGreaterThan(0);
  expect(shown.worst[0]!.status).toBe(shown.failing > 0 ? 'failing' : 'disconnected');
});

it('lists the newest failed or denied audit events, newest first', async () => {
  const { data } = await platformJson<{ data: AuditEvent[] }>('/v1/audit-events/search?limit=200');
  const failures = data.filter((event) => event.outcome !== 'success').slice(0, 6);
  const { audit } = await api('home/glance', {});
  expect(audit.map((event) => event.seq)).toEqual(failures.map((event) => event.seq));
  expect(audit.every((event) => event.tenantId === null || event.tenantName !== null)).toBe(true);
});

describe('the command palette', () => {
  it('finds a tenant by id, by part of its name and by its owner e-mail', async () => {
    const [tenant] = await allPages<Tenant>('/v1/tenants');
    const byId = await api('palette/find', { text: tenant!.id });
    expect(byId.hits[0]).toMatchObject({ kind: 'tenant', id: tenant!.id, label: tenant!.name });
    const byName = await api('palette/find', { text: tenant!.name.slice(1, 6).toLowerCase() });
    expect(byName.hits.some((hit) => hit.kind === 'tenant' && hit.id === tenant!.id)).toBe(true);
    const byOwner = await api('palette/find', { text: tenant!.owner_email });
    expect(byOwner.hits.filter((hit) => hit.kind === 'tenant').map((hit) => hit.id)).toEqual([tenant!.id]);
  });

  it('finds queues and connectors by name, connections by id and audit events by id', async () => {
    const [queue] = (await platformJson<{ data: Array<{ name: string }> }>('/v1/queues')).data;
    expect((await api('palette/find', { text: queue!.name })).hits).toContainEqual({ kind: 'queue', id: queue!.name, label: queue!.name, detail: null });
    const [connector] = (await platformJson<{ data: Array<{ id: string; name: string }> }>('/v1/connectors')).data;
    expect((await api('palette/find', { text: connector!.name })).hits.some((hit) => hit.kind === 'connector' && hit.id === connector!.id)).toBe(true);
    const [connection] = await allPages<Connection>('/v1/connections');
    expect((await api('palette/find', { text: connection!.id })).hits.find((hit) => hit.kind === 'connection')?.id).toBe(connection!.id);
    const { data } = await platformJson<{ data: AuditEvent[] }>('/v1/audit-events/search?limit=1');
    const found = (await api('palette/find', { text: data[0]!.id })).hits.filter((hit) => hit.kind === 'audit-event');
    expect(found).toEqual([expect.objectContaining({ id: data[0]!.id, label: data[0]!.action })]);
  });

  it('takes LIKE wildcards in the text literally, and refuses text too short to mean anything', async () => {
    expect((await api('palette/find', { text: '%%' })).hits).toEqual([]);
    expect((await api('palette/find', { text: '__' })).hits).toEqual([]);
    await expect(api('palette/find', { text: 'a' })).rejects.toThrow(/text/);
  });
});
