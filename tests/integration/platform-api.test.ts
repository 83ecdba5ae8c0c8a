import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvent,
  auditFeed,
  auditHead,
  auditKeys,
  auditSearchPage,
  billingSummary,
  connectionPage,
  connectionRunPage,
  connectionTest,
  connectorList,
  jobPage,
  jobRetried,
  me,
  platformStatus,
  problem,
  queueChanged,
  queueList,
  queueMetrics,
  supportAccessGrant,
  tenant,
  tenantBilling,
  tenantPage,
} from '../../shared/ops-api/index.ts';
import type { z } from 'zod';
import type { TestPlatform } from '../fixtures/platform.ts';
import { startTestPlatform, testNow } from '../fixtures/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.stop());

const day = 86_400_000;
/** A time on the hour, in the platform's ISO form (metrics steps fall on it). */
const isoHour = (ms: number) => new Date(Math.floor(ms / 3_600_000) * 3_600_000).toISOString();
/** The UTC month `count` months before `ms`, as YYYY-MM. */
function monthsBefore(ms: number, count: number): string {
  const date = new Date(ms);
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - count);
  return date.toISOString().slice(0, 7);
}

async function ok<T extends z.ZodType>(response: Response, schema: T, status = 200): Promise<z.output<T>> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return schema.parse(JSON.parse(text));
}

async function problemOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = problem.parse(await response.json());
  expect(body.status).toBe(status);
  return body;
}

/** Every item of a cursor-paginated list, walking pages of `limit`. */
async function walk(path: string, limit: number, token?: string): Promise<Array<{ id: string }>> {
  const items: Array<{ id: string }> = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response = await platform.get(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    const page = (await response.json()) as { data: Array<{ id: string }>; next_cursor: string | null };
    expect(response.status).toBe(200);
    items.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor !== null);
  return items;
}

describe('status and me', () => {
  it('serves status without a token', async () => {
    const status = await ok(await platform.get('/v1/status', null), platformStatus);
    expect(status.components.map((component) => component.name)).toContain('database');
  });

  it('names the subject and scopes of each token', async () => {
    const full = await ok(await platform.get('/v1/me'), me);
    expect(full.scopes).toContain('queues:write');
    const read = await ok(await platform.get('/v1/me', platform.tokens.readOnly), me);
    expect(read.scopes.every((scope) => scope.endsWith(':read'))).toBe(true);
    expect(read.platform.environment).toBe('demo');
  });
});

describe('auth and errors', () => {
  it('answers 401 problem+json without or with an unknown token', async () => {
    expect((await problemOf(await platform.get('/v1/me', null), 401)).detail).toMatch(/Bearer/);
    const unknown = await platform.get('/v1/tenants', 'opsdeck_demo_full_nope');
    expect(unknown.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await problemOf(unknown, 401);
  });

  it('answers 403 naming the missing scope', async () => {
    const read = await problemOf(await platform.send('POST', '/v1/queues/email-sending/pause', { token: platform.tokens.readOnly }), 403);
    expect(read.detail).toContain('queues:write');
    const audit = await problemOf(await platform.get('/v1/tenants', platform.tokens.auditOnly), 403);
    expect(audit.detail).toContain('tenants:read');
    const billing = await problemOf(await platform.get('/v1/billing/summary', platform.tokens.auditOnly), 403);
    expect(billing.detail).toContain('billing:read');
  });

  it('answers 404 for unknown paths and resources, 405 for the wrong method', async () => {
    await problemOf(await platform.get('/v1/nothing-here'), 404);
    expect((await problemOf(await platform.get('/v1/tenants/ten_missing'), 404)).detail).toContain('ten_missing');
    await problemOf(await platform.get('/v1/queues/no-such-queue'.concat('/jobs')), 404);
    await problemOf(await platform.get('/v1/connections/con_missing/runs'), 404);
    const wrong = await platform.send('DELETE', '/v1/tenants');
    expect(wrong.headers.get('allow')).toBe('GET');
    await problemOf(wrong, 405);
  });

  it('answers 422 naming the bad parameter', async () => {
    expect((await problemOf(await platform.get('/v1/tenants?limit=0'), 422)).detail).toContain('limit');
    expect((await problemOf(await platform.get('/v1/audit-events?after_seq=-1'), 422)).detail).toContain('after_seq');
    expect((await problemOf(await platform.get('/v1/audit-events/search?from=yesterday'), 422)).detail).toContain('from');
    expect((await problemOf(await platform.get('/v1/tenants?cursor=garbage'), 422)).detail).toContain('cursor');
    expect((await problemOf(await platform.get('/v1/queues/email-sending/metrics?from=2026-11-20T00:00:00.000Z&to=2026-11-19T00:00:00.000Z'), 422)).detail).toContain('before');
    expect((await problemOf(await platform.get('/v1/billing/summary?from=2026-05&to=2026-01'), 422)).detail).toContain('after');
  });

  it('rejects a cursor of another list', async () => {
    const jobs = await ok(await platform.get('/v1/queues/email-sending/jobs?limit=1'), jobPage);
    await problemOf(await platform.get(`/v1/tenants?cursor=${jobs.next_cursor}`), 422);
  });
});

describe('audit', () => {
  it('serves the feed after a seq, ascending, with has_more', async () => {
    const first = await ok(await platform.get('/v1/audit-events?limit=5'), auditFeed);
    expect(first.data.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(first.has_more).toBe(true);
    const next = await ok(await platform.get('/v1/audit-events?after_seq=3&limit=2'), auditFeed);
    expect(next.data.map((event) => event.seq)).toEqual([4, 5]);
    const head = await ok(await platform.get('/v1/audit-events/head'), auditHead);
    expect(head.seq).toBe(20_000);
    const end = await ok(await platform.get(`/v1/audit-events?after_seq=${head.seq - 2}&limit=10`), auditFeed);
    expect(end.data.map((event) => event.seq)).toEqual([head.seq - 1, head.seq]);
    expect(end.has_more).toBe(false);
    expect(end.data[1]!.hash).toBe(head.hash);
  });

  it('keeps unknown members of events', async () => {
    const page = await ok(await platform.get('/v1/audit-events/search?action=user.login&limit=1'), auditSearchPage);
    expect(page.data[0]).toHaveProperty('geo');
  });

  it('searches newest first with filters, and pages without duplicates', async () => {
    const tenantId = (await ok(await platform.get('/v1/tenants?limit=1&status=active'), tenantPage)).data[0]!.id;
    const all = (await walk(`/v1/audit-events/search?tenant_id=${tenantId}`, 97)) as Array<z.output<typeof auditEvent>>;
    expect(all.length).toBeGreaterThan(50);
    expect(all.every((event) => event.tenant_id === tenantId)).toBe(true);
    expect(new Set(all.map((event) => event.id)).size).toBe(all.length);
    expect(all.map((event) => event.seq)).toEqual([...all.map((event) => event.seq)].sort((a, b) => b - a));

    const failed = await ok(await platform.get('/v1/audit-events/search?action=user.login_failed&outcome=failure&limit=20'), auditSearchPage);
    expect(failed.data.length).toBe(20);
    expect(failed.data.every((event) => event.action === 'user.login_failed' && event.outcome === 'failure')).toBe(true);

    const prefixed = await ok(await platform.get('/v1/audit-events/search?action=api_key.&limit=50'), auditSearchPage);
    expect(new Set(prefixed.data.map((event) => event.action))).toEqual(new Set(['api_key.created', 'api_key.rotated', 'api_key.revoked']));

    const dayStart = isoHour(testNow - 30 * day);
    const dayEnd = isoHour(testNow - 29 * day);
    const range = await ok(await platform.get(`/v1/audit-events/search?from=${dayStart}&to=${dayEnd}&limit=1000`), auditSearchPage);
    expect(range.data.length).toBeGreaterThan(0);
    expect(range.data.every((event) => event.occurred_at >= dayStart && event.occurred_at < dayEnd)).toBe(true);

    const actor = range.data[0]!.actor;
    const byActor = await ok(await platform.get(`/v1/audit-events/search?actor=${encodeURIComponent(actor.email ?? actor.id)}&limit=5`), auditSearchPage);
    expect(byActor.data.every((event) => event.actor.id === actor.id)).toBe(true);
    const byActorId = await ok(await platform.get(`/v1/audit-events/search?actor=${actor.id}&limit=5`), auditSearchPage);
    expect(byActorId.data.map((event) => event.id)).toEqual(byActor.data.map((event) => event.id));

    const text = await ok(await platform.get('/v1/audit-events/search?q=Board%20pack&limit=5'), auditSearchPage);
    expect(text.data.every((event) => JSON.stringify(event).includes('Board pack'))).toBe(true);
    expect(text.data.length).toBe(5);
  });

  it('serves one event by id exactly as in the feed', async () => {
    const [event] = (await ok(await platform.get('/v1/audit-events?after_seq=99&limit=1'), auditFeed)).data;
    expect(await ok(await platform.get(`/v1/audit-events/${event!.id}`), auditEvent)).toEqual(event);
    await problemOf(await platform.get('/v1/audit-events/evt_missing'), 404);
  });

  it('lists ed25519 keys as PEM', async () => {
    const keys = await ok(await platform.get('/v1/audit-keys', platform.tokens.auditOnly), auditKeys);
    expect(keys.data.length).toBe(2);
    const { createPublicKey } = await import('node:crypto');
    for (const key of keys.data) expect(createPublicKey(key.public_key_pem).asymmetricKeyType).toBe('ed25519');
  });

  it('records support access as a chained audit event, once per Idempotency-Key', async () => {
    const tenantId = (await ok(await platform.get('/v1/tenants?limit=1'), tenantPage)).data[0]!.id;
    const before = await ok(await platform.get('/v1/audit-events/head'), auditHead);
    const request = { body: { tenant_id: tenantId, reason: 'Ticket #4711: invoice question' }, headers: { 'Idempotency-Key': 'support-1' } };
    const first = await ok(await platform.send('POST', '/v1/support-access', request), supportAccessGrant, 201);
    expect(first.event).toMatchObject({ seq: before.seq + 1, prev_hash: before.hash, action: 'support.access', tenant_id: tenantId, actor: { type: 'support' } });
    expect(first.event.metadata).toEqual({ reason: 'Ticket #4711: invoice question' });

    const replay = await platform.send('POST', '/v1/support-access', request);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await ok(replay, supportAccessGrant, 201)).event).toEqual(first.event);
    expect((await ok(await platform.get('/v1/audit-events/head'), auditHead)).seq).toBe(before.seq + 1);

    const reused = await problemOf(await platform.send('POST', '/v1/support-access', { ...request, body: { ...request.body, reason: 'another reason' } }), 409);
    expect(reused.detail).toContain('support-1');

    await problemOf(await platform.send('POST', '/v1/support-access', { body: { tenant_id: 'ten_missing', reason: 'nope nope' } }), 422);
    expect((await problemOf(await platform.send('POST', '/v1/support-access', { body: { tenant_id: tenantId } }), 422)).detail).toContain('reason');
    expect((await problemOf(await platform.send('POST', '/v1/support-access', { body: { tenant_id: tenantId, reason: 'ok ok', extra: 1 } }), 422)).detail).toContain('extra');
    await problemOf(await platform.send('POST', '/v1/support-access', { body: { tenant_id: tenantId, reason: 'needs the scope' }, token: platform.tokens.readOnly }), 403);
  });
});

describe('queues', () => {
  it('lists the platform queues with counts', async () => {
    const queues = await ok(await platform.get('/v1/queues'), queueList);
    expect(queues.data.map((queue) => queue.name).sort()).toEqual(
      ['billing-sync', 'connector-sync', 'email-sending', 'email-sending:high', 'email-sending:low', 'report-generation', 'webhook-delivery'].sort(),
    );
    for (const queue of queues.data) expect(queue.counts.failed).toBeGreaterThan(0);
  });

  it('serves at least 7 days of metrics history in steps', async () => {
    const to = isoHour(testNow);
    const from = isoHour(testNow - 7 * day);
    const metrics = await ok(await platform.get(`/v1/queues/email-sending:low/metrics?from=${from}&to=${to}&step_s=3600`), queueMetrics);
    expect(metrics.points.length).toBe(7 * 24);
    expect(metrics.points[0]!.at).toBe(from);
    expect(Math.max(...metrics.points.map((point) => point.waiting))).toBeGreaterThan(1_000);
    await problemOf(await platform.get('/v1/queues/email-sending/metrics?step_s=1'), 422);
  });

  it('lists jobs by state with real failure reasons and stack traces', async () => {
    const failed = await ok(await platform.get('/v1/queues/webhook-delivery/jobs?state=failed&limit=5'), jobPage);
    expect(failed.data.length).toBe(5);
    for (const job of failed.data) {
      expect(job.state).toBe('failed');
      expect(job.failed_reason).toBeTruthy();
      expect(job.stacktrace?.[0]).toMatch(/^Error: .+\n {4}at /);
    }
    const walked = await walk('/v1/queues/email-sending/jobs', 33);
    const whole = await ok(await platform.get('/v1/queues/email-sending/jobs?limit=1000'), jobPage);
    expect(walked.map((job) => job.id)).toEqual(whole.data.map((job) => job.id));
  });

  it('retries, removes and retries all failed jobs', async () => {
    const [job] = (await ok(await platform.get('/v1/queues/report-generation/jobs?state=failed&limit=1'), jobPage)).data;
    const retried = await ok(await platform.send('POST', `/v1/queues/report-generation/jobs/${job!.id}/retry`), jobRetried, 202);
    expect(retried.job).toMatchObject({ id: job!.id, state: 'waiting' });
    expect((await problemOf(await platform.send('POST', `/v1/queues/report-generation/jobs/${job!.id}/retry`), 409)).detail).toContain('waiting');

    const removed = await platform.send('DELETE', `/v1/queues/report-generation/jobs/${job!.id}`);
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    await problemOf(await platform.send('DELETE', `/v1/queues/report-generation/jobs/${job!.id}`), 404);

    const before = (await ok(await platform.get('/v1/queues'), queueList)).data.find((queue) => queue.name === 'billing-sync')!;
    const all = await platform.send('POST', '/v1/queues/billing-sync/retry-failed');
    expect(await all.json()).toEqual({ retried: before.counts.failed });
    const after = (await ok(await platform.get('/v1/queues'), queueList)).data.find((queue) => queue.name === 'billing-sync')!;
    expect(after.counts).toMatchObject({ failed: 0, waiting: before.counts.waiting + before.counts.failed });
  });

  it('pauses and resumes a queue, with the write scope', async () => {
    expect((await ok(await platform.send('POST', '/v1/queues/email-sending:low/pause'), queueChanged)).queue.paused).toBe(true);
    expect((await ok(await platform.get('/v1/queues'), queueList)).data.find((queue) => queue.name === 'email-sending:low')!.paused).toBe(true);
    expect((await ok(await platform.send('POST', '/v1/queues/email-sending:low/resume'), queueChanged)).queue.paused).toBe(false);
    await problemOf(await platform.send('POST', '/v1/queues/nope/pause'), 404);
  });
});

describe('tenants and billing', () => {
  it('pages through every tenant once, in name order', async () => {
    const all = (await walk('/v1/tenants', 4)) as Array<z.output<typeof tenant>>;
    expect(all.length).toBe(30);
    expect(new Set(all.map((item) => item.id)).size).toBe(30);
    const names = all.map((item) => item.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(all.map((item) => item.plan.name))).toEqual(new Set(['Starter', 'Growth', 'Enterprise']));
  });

  it('filters by q, plan and status', async () => {
    const growth = await ok(await platform.get('/v1/tenants?plan=Growth&limit=100'), tenantPage);
    expect(growth.data.length).toBeGreaterThan(0);
    expect(growth.data.every((item) => item.plan.id === 'growth')).toBe(true);
    const pastDue = await ok(await platform.get('/v1/tenants?status=past_due'), tenantPage);
    expect(pastDue.data.every((item) => item.status === 'past_due')).toBe(true);
    const sample = growth.data[0]!;
    const found = await ok(await platform.get(`/v1/tenants?q=${encodeURIComponent(sample.name.slice(0, 6))}`), tenantPage);
    expect(found.data.map((item) => item.id)).toContain(sample.id);
  });

  it('shows one tenant with its usage', async () => {
    const [first] = (await ok(await platform.get('/v1/tenants?limit=1'), tenantPage)).data;
    const detail = await ok(await platform.get(`/v1/tenants/${first!.id}`), tenant);
    expect(detail.usage?.map((usage) => usage.metric)).toEqual(['api_calls', 'storage_gb', 'reports_generated', 'seats']);
  });

  it('bills each paying month for exactly its MRR', async () => {
    const tenants = (await walk('/v1/tenants', 100)) as Array<z.output<typeof tenant>>;
    for (const item of tenants) {
      const billing = await ok(await platform.get(`/v1/tenants/${item.id}/billing`), tenantBilling);
      const billed = new Map<string, number>();
      for (const invoice of billing.invoices) {
        if (invoice.status === 'void' || invoice.status === 'draft') continue;
        const month = invoice.created_at.slice(0, 7);
        billed.set(month, (billed.get(month) ?? 0) + invoice.amount_due_cents);
      }
      const paying = billing.mrr_history.filter((point) => point.mrr_cents > 0);
      expect(Object.fromEntries(billed)).toEqual(Object.fromEntries(paying.map((point) => [point.month, point.mrr_cents])));
      expect(billing.mrr_history.at(-1)?.mrr_cents ?? 0).toBe(item.mrr_cents);
      if (item.status === 'past_due') expect(billing.invoices.some((invoice) => invoice.status === 'open')).toBe(true);
      if (item.status === 'churned') expect(billing.subscription?.status).toBe('canceled');
    }
    await problemOf(await platform.get('/v1/tenants/ten_missing/billing'), 404);
  });

  it('summarises MRR so each month is the last plus its movements', async () => {
    const [from, to] = [monthsBefore(testNow, 17), monthsBefore(testNow, 0)];
    const summary = await ok(await platform.get(`/v1/billing/summary?from=${from}&to=${to}`), billingSummary);
    expect(summary.points.map((point) => point.month).at(0)).toBe(from);
    expect(summary.points.length).toBe(18);
    for (const [index, point] of summary.points.entries()) {
      if (index === 0) continue;
      const previous = summary.points[index - 1]!;
      expect(point.mrr_cents).toBe(previous.mrr_cents + point.new_cents + point.expansion_cents + point.reactivation_cents - point.contraction_cents - point.churn_cents);
    }
    const byPlan = summary.by_plan.reduce((sum, plan) => sum + plan.mrr_cents, 0);
    expect(byPlan).toBe(summary.points.at(-1)!.mrr_cents);
    expect((await ok(await platform.get('/v1/billing/summary'), billingSummary)).points.length).toBe(12);
  });
});

describe('connectors', () => {
  it('counts connections per connector, every status present', async () => {
    const connectors = await ok(await platform.get('/v1/connectors'), connectorList);
    expect(connectors.data.map((connector) => connector.name).sort()).toEqual(
      ['Fortnox', 'GA4', 'Google Ads', 'HubSpot', 'SMTP', 'Salesforce', 'Shopify', 'Stripe', 'TikTok Ads', 'WooCommerce', 'WordPress', 'Zoho'].sort(),
    );
    const totals = { healthy: 0, degraded: 0, failing: 0, disconnected: 0, paused: 0 };
    for (const connector of connectors.data) for (const status of Object.keys(totals) as Array<keyof typeof totals>) totals[status] += connector.connections[status];
    for (const count of Object.values(totals)) expect(count).toBeGreaterThan(0);
  });

  it('filters connections, pages runs and tests a connection', async () => {
    const failing = await ok(await platform.get('/v1/connections?status=failing'), connectionPage);
    const connection = failing.data[0]!;
    expect(connection.last_error?.message).toBeTruthy();
    const runs = await ok(await platform.get(`/v1/connections/${connection.id}/runs?limit=3`), connectionRunPage);
    expect(runs.data[0]!.status).toBe('failed');
    expect(runs.data.map((run) => run.started_at)).toEqual([...runs.data.map((run) => run.started_at)].sort().reverse());
    const all = await walk(`/v1/connections/${connection.id}/runs`, 5);
    expect(new Set(all.map((run) => run.id)).size).toBe(all.length);

    const tested = await ok(await platform.send('POST', `/v1/connections/${connection.id}/test`), connectionTest);
    expect(tested).toMatchObject({ ok: false, error: connection.last_error!.message });
    const healthy = (await ok(await platform.get('/v1/connections?status=healthy&limit=1'), connectionPage)).data[0]!;
    expect((await ok(await platform.send('POST', `/v1/connections/${healthy.id}/test`), connectionTest)).ok).toBe(true);
    await problemOf(await platform.send('POST', `/v1/connections/${healthy.id}/test`, { token: platform.tokens.readOnly }), 403);
    await problemOf(await platform.send('POST', '/v1/connections/con_missing/test'), 404);
  });
});
