import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { startPlatform } from '../../platform/server.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { testNow } from '../fixtures/platform.ts';

const dir = makeDataDir('opsdeck-demo-data-test-');
afterAll(() => dir.remove());

const small = { tenants: 12, events: 3_000, clock: () => testNow };

/** Every row of the tables that hold the data set, as one comparable text. */
function dump(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = ['tenants', 'invoices', 'mrr_history', 'subscriptions', 'jobs', 'connections', 'connection_runs', 'audit_keys', 'audit_events'];
    const rows = tables.map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
    return [...rows, JSON.stringify(db.prepare('SELECT * FROM queue_metrics ORDER BY queue, at_ms').all())].join('\n');
  } finally {
    db.close();
  }
}

async function generate(name: string, seed: number): Promise<string> {
  const dbPath = join(dir.path, name);
  const platform = await startPlatform({ ...small, seed, dbPath });
  expect(platform.generationMs).not.toBeNull();
  await platform.close();
  return dbPath;
}

it('generates the same data set from the same seed, and another from another seed', async () => {
  const a = dump(await generate('a.db', 5));
  const b = dump(await generate('b.db', 5));
  const c = dump(await generate('c.db', 6));
  expect(a.length).toBeGreaterThan(100_000);
  expect(b === a).toBe(true);
  expect(c === a).toBe(false);
});

it('reuses a database that holds the same data set and refuses another', async () => {
  const dbPath = await generate('reuse.db', 9);
  const again = await startPlatform({ ...small, seed: 9, dbPath });
  expect(again.generationMs).toBeNull();
  const head = await (await fetch(`${again.url}/v1/audit-events/head`, { headers: { Authorization: `Bearer ${again.tokens.auditOnly}` } })).json();
  expect(head).toMatchObject({ seq: 3_000 });
  await again.close();
  await expect(startPlatform({ ...small, seed: 10, dbPath })).rejects.toThrow(/different data set/);
});

it('has realistic audit actions, tenant statuses and failed jobs', async () => {
  const db = new Database(join(dir.path, 'a.db'), { readonly: true });
  try {
    const actions = new Set(db.prepare('SELECT DISTINCT action FROM audit_events').pluck().all());
    for (const action of ['user.login', 'user.login_failed', 'user.invited', 'role.assigned', 'policy.updated', 'api_key.created', 'api_key.rotated', 'report.exported', 'report.signed_off', 'connector.connected', 'support.access']) {
      expect(actions, action).toContain(action);
    }
    const times = db.prepare('SELECT occurred_at FROM audit_events ORDER BY seq').pluck().all() as string[];
    expect(times).toEqual([...times].sort());
    expect(times.at(-1)! < new Date(testNow).toISOString()).toBe(true);
    const reasons = db.prepare("SELECT DISTINCT failed_reason FROM jobs WHERE state = 'failed'").pluck().all();
    expect(reasons.length).toBeGreaterThan(10);
  } finally {
    db.close();
  }
});

it("names a tenant's own connections in its connector events, so a connection's audit link finds them", async () => {
  const db = new Database(join(dir.path, 'a.db'), { readonly: true });
  try {
    const events = db.prepare("SELECT tenant_id, json_extract(body, '$.target.id') AS connection, json_extract(body, '$.target.name') AS name FROM audit_events WHERE action LIKE 'connector.%'").all() as Array<{ tenant_id: string; connection: string; name: string }>;
    expect(events.length).toBeGreaterThan(0);
    const owner = db.prepare('SELECT c.tenant_id, k.name FROM connections c JOIN connectors k ON k.id = c.connector_id WHERE c.id = ?');
    for (const event of events) expect(owner.get(event.connection), event.connection).toEqual({ tenant_id: event.tenant_id, name: event.name });
  } finally {
    db.close();
  }
});
