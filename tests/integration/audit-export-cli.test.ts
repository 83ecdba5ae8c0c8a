import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { createOpsApiClient } from '../../electron/services/ops-api/ops-api-client.ts';
import { syncAuditFeed } from '../../electron/services/sync/audit-sync.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';

let platform: TestPlatform;
let dir: ReturnType<typeof makeDataDir>;
let dbPath: string;

beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 12, events: 6_000 });
  dir = makeDataDir();
  dbPath = join(dir.path, 'cache.sqlite');
  const { db } = openCacheDb(dbPath, { log: () => {} });
  const client = createOpsApiClient({ baseUrl: platform.url, token: platform.tokens.full, timeoutMs: 10_000, proxyUrl: null, caFile: null });
  await syncAuditFeed({ db, client, report: () => {}, signal: new AbortController().signal, pageSize: 1000, windowStartMs: 0 });
  db.close();
  await platform.stop();
});
afterAll(() => dir.remove());

function opsdeck(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/opsdeck.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('exit', (status) => done({ status, stdout, stderr })));
}

const sqlCount = (where: string) => {
  const db = new Database(dbPath, { readonly: true });
  const count = db.prepare(`SELECT count(*) FROM audit_events WHERE ${where}`).pluck().get() as number;
  db.close();
  return count;
};

it('search answers a query from the cache, and points at a mistake in one', async () => {
  const found = await opsdeck('search', 'outcome:denied', '--db', dbPath, '--json', '--limit', '1000');
  expect(found.status).toBe(0);
  const result = JSON.parse(found.stdout) as { total: number; rows: Array<{ outcome: string }> };
  expect(result.total).toBe(sqlCount("outcome = 'denied'"));
  expect(result.rows.every((row) => row.outcome === 'denied')).toBe(true);

  const wrong = await opsdeck('search', 'actr:jane', '--db', dbPath);
  expect(wrong.status).toBe(2);
  expect(wrong.stderr).toContain("unknown field 'actr' at 1 — did you mean actor?\n  actr:jane\n  ^^^^^");
});

it('a full NDJSON export verifies as intact, and a tampered copy is reported by seq', async () => {
  const out = join(dir.path, 'all.ndjson');
  const exported = await opsdeck('export', '', '--out', out, '--db', dbPath);
  expect(exported.status).toBe(0);
  const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(sqlCount('1'));
  const verified = await opsdeck('verify', out, '--json');
  expect(verified.status).toBe(0);
  expect(JSON.parse(verified.stdout)).toMatchObject({ intact: true });

  const altered = JSON.parse(lines[10]!) as { seq: number; ip: string };
  const deleted = JSON.parse(lines[20]!) as { seq: number };
  const tampered = lines.map((line, i) => (i === 10 ? JSON.stringify({ ...altered, ip: '198.51.100.7' }) : line)).filter((_, i) => i !== 20);
  const copy = join(dir.path, 'tampered.ndjson');
  writeFileSync(copy, `${tampered.join('\n')}\n`);
  const report = await opsdeck('verify', copy, '--manifest', `${out}.manifest.json`);
  expect(report.status).toBe(1);
  expect(report.stdout).toContain(String(altered.seq));
  expect(report.stdout).toContain(String(deleted.seq));
});

it('a filtered export, gzipped, proves each event but says completeness is not proven; CSV and JSON exports read back', async () => {
  const out = join(dir.path, 'users.ndjson.gz');
  expect((await opsdeck('export', 'action:user.*', '--out', out, '--gzip', '--db', dbPath)).status).toBe(0);
  const verified = await opsdeck('verify', out, '--json');
  expect(verified.status).toBe(0);
  expect(verified.stdout).toMatch(/not_proven/);

  const csv = join(dir.path, 'denied.csv');
  expect((await opsdeck('export', 'outcome:denied', '--out', csv, '--format', 'csv', '--db', dbPath)).status).toBe(0);
  const rows = readFileSync(csv, 'utf8').trimEnd().split('\n');
  expect(rows[0]).toBe('seq,id,occurred_at,tenant_id,actor_type,actor_id,actor_email,actor_name,action,target_type,target_id,target_name,outcome,ip,request_id');
  expect(rows).toHaveLength(sqlCount("outcome = 'denied'") + 1);

  const json = join(dir.path, 'denied.json');
  expect((await opsdeck('export', 'outcome:denied', '--out', json, '--format', 'json', '--db', dbPath)).status).toBe(0);
  const events = JSON.parse(readFileSync(json, 'utf8')) as Array<{ outcome: string }>;
  expect(events.map((event) => event.outcome)).toEqual(Array(rows.length - 1).fill('denied'));
});
