import { me as meSchema, platformStatus } from '../../shared/ops-api/index.ts';
import type { Check, ConformanceContext } from './check.ts';
import { CheckFailure, CheckSkipped, expectShape, expectStatus } from './check.ts';
import { auditChainChecks } from './checks/audit-chain.ts';
import { errorChecks } from './checks/errors.ts';
import { mutationChecks } from './checks/mutations.ts';
import { badCursorCheck, paginationChecks } from './checks/pagination.ts';
import { scopeChecks } from './checks/scopes.ts';
import { shapeChecks } from './checks/shapes.ts';
import { createRequest } from './client.ts';

export const allChecks: Check[] = [...shapeChecks, ...paginationChecks, badCursorCheck, ...auditChainChecks, ...errorChecks, ...scopeChecks, ...mutationChecks];

export interface ConformanceOptions {
  baseUrl: string;
  token: string;
  writeToken?: string | null;
  auditEvents?: number;
  /** Receives one line per check, then the summary. */
  log?: (line: string) => void;
}

export interface CheckResult {
  name: string;
  outcome: 'pass' | 'fail' | 'skip';
  detail: string | null;
}

export interface ConformanceReport {
  results: CheckResult[];
  passed: number;
  failed: number;
  skipped: number;
}

/** Runs every contract check against a server; a check that throws anything but a skip fails. */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const log = options.log ?? (() => undefined);
  const request = createRequest(options.baseUrl, options.token);
  const results: CheckResult[] = [];
  const record = (result: CheckResult) => {
    results.push(result);
    const label = { pass: 'ok  ', fail: 'FAIL', skip: 'skip' }[result.outcome];
    log(`${label} ${result.name}${result.detail ? ` — ${result.detail}` : ''}`);
  };

  const me = await reachable(request);
  if (typeof me === 'string') {
    record({ name: 'the server answers /v1/status and /v1/me', outcome: 'fail', detail: me });
  } else {
    const context: ConformanceContext = { request, writeToken: options.writeToken ?? null, me, auditEvents: options.auditEvents ?? 10_000 };
    for (const check of allChecks) {
      try {
        await check.run(context);
        record({ name: check.name, outcome: 'pass', detail: null });
      } catch (error) {
        if (error instanceof CheckSkipped) record({ name: check.name, outcome: 'skip', detail: error.message });
        else record({ name: check.name, outcome: 'fail', detail: error instanceof CheckFailure ? error.message : `unexpected error: ${(error as Error).message}` });
      }
    }
  }
  const count = (outcome: CheckResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  const report = { results, passed: count('pass'), failed: count('fail'), skipped: count('skip') };
  log(`${results.length} checks: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
  return report;
}

/** The token's /v1/me, or why the server cannot be checked at all. */
async function reachable(request: ReturnType<typeof createRequest>) {
  try {
    expectShape(await request('GET', '/v1/status', { token: null }), platformStatus);
    const me = await request('GET', '/v1/me');
    expectStatus(me, 200);
    return expectShape(me, meSchema);
  } catch (error) {
    return (error as Error).message;
  }
}
