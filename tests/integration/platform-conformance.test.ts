import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../platform/conformance/run.ts';
import type { ConformanceReport } from '../../platform/conformance/run.ts';
import type { TestPlatform } from '../fixtures/platform.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import { startRewritingProxy } from '../fixtures/rewriting-proxy.ts';
import type { Rewrite } from '../fixtures/rewriting-proxy.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.stop());

async function conformanceThrough(rewrite: Rewrite | null): Promise<ConformanceReport & { lines: string[] }> {
  const proxy = rewrite === null ? null : await startRewritingProxy(platform.url, { rewrite });
  const lines: string[] = [];
  try {
    const report = await runConformance({ baseUrl: proxy?.url ?? platform.url, token: platform.tokens.readOnly, writeToken: platform.tokens.full, auditEvents: 5_000, log: (line) => lines.push(line) });
    return { ...report, lines };
  } finally {
    await proxy?.close();
  }
}

const failedNames = (report: ConformanceReport) => report.results.filter((result) => result.outcome === 'fail').map((result) => result.name);

describe('conformance suite', () => {
  it('passes every check against the reference platform, one line per check', async () => {
    const report = await conformanceThrough(null);
    expect(failedNames(report)).toEqual([]);
    expect(report.skipped).toBe(0);
    expect(report.passed).toBeGreaterThan(35);
    expect(report.lines).toHaveLength(report.results.length + 1);
    expect(report.lines.at(-1)).toBe(`${report.results.length} checks: ${report.passed} passed, 0 failed, 0 skipped`);
  });

  it('skips scope enforcement, and fails nothing, with a full-access token and no write token', async () => {
    const report = await runConformance({ baseUrl: platform.url, token: platform.tokens.full, auditEvents: 100 });
    expect(report.failed).toBe(0);
    expect(report.results.filter((result) => result.outcome === 'skip').map((result) => result.name)).toEqual(
      expect.arrayContaining(['scopes: every scope the token lacks is a 403 problem naming that scope', 'idempotency: the same Idempotency-Key returns the first result and records one event']),
    );
  });

  it('fails the chain check when one event in the feed is altered', async () => {
    const report = await conformanceThrough((path, body) => {
      if (path.startsWith('/v1/audit-events?') && Array.isArray(body.data)) {
        for (const event of body.data as Array<Record<string, unknown>>) if (event.seq === 1234) event.outcome = 'denied';
      }
      return body;
    });
    const failure = report.results.find((result) => result.name.startsWith('audit feed: seq starts at 1'));
    expect(failure?.outcome).toBe('fail');
    expect(failure?.detail).toMatch(/seq 1234 .*hash/);
    expect(report.lines.some((line) => line.startsWith('FAIL audit feed: seq starts at 1'))).toBe(true);
  });

  it('fails the chain check when an event is dropped from the feed', async () => {
    const report = await conformanceThrough((path, body) => {
      if (path.startsWith('/v1/audit-events?') && Array.isArray(body.data)) body.data = (body.data as Array<{ seq: number }>).filter((event) => event.seq !== 777);
      return body;
    });
    expect(report.results.find((result) => result.name.startsWith('audit feed: seq starts at 1'))?.detail).toContain('seq 778');
  });

  it('fails pagination when pages overlap', async () => {
    const report = await conformanceThrough((path, body) => {
      // Repeat the previous page's last item at the top of every later page.
      if (path.startsWith('/v1/tenants') && path.includes('cursor=') && Array.isArray(body.data)) body.data = [body.data[0], ...body.data.slice(0, -1)];
      return body;
    });
    expect(failedNames(report)).toContain('pagination: tenants pages are stable, without duplicates or gaps');
    expect(failedNames(report).every((name) => name.startsWith('pagination: tenants'))).toBe(true);
  });

  it('fails pagination when a page skips an item', async () => {
    const report = await conformanceThrough((path, body) => {
      if (path.startsWith('/v1/connections?') && path.includes('cursor=') && Array.isArray(body.data)) body.data = body.data.slice(1);
      return body;
    });
    const failure = report.results.find((result) => result.name.startsWith('pagination: connections'));
    expect(failure?.outcome).toBe('fail');
  });

  it('fails when errors are not problem+json or scopes are not enforced', async () => {
    const report = await conformanceThrough((path, body) => (typeof body.status === 'number' && typeof body.title === 'string' ? { error: body.title } : body));
    expect(failedNames(report)).toEqual(expect.arrayContaining(['errors: an unknown tenant is a 404 problem+json', 'scopes: every scope the token lacks is a 403 problem naming that scope']));
  });

  it('reports an unreachable server as one failure', async () => {
    const report = await runConformance({ baseUrl: 'http://127.0.0.1:9', token: 'x' });
    expect(report.failed).toBe(1);
    expect(report.results[0]!.name).toBe('the server answers /v1/status and /v1/me');
  });
});
