import type { z } from 'zod';
import type { Me } from '../../shared/ops-api/index.ts';
import type { Exchange, Request } from './client.ts';

export interface ConformanceContext {
  /** Requests with the main (--token) token. */
  request: Request;
  writeToken: string | null;
  me: Me;
  /** How many audit events the chain check reads from the start of the feed. */
  auditEvents: number;
}

export interface Check {
  name: string;
  run(context: ConformanceContext): Promise<void>;
}

/** A contract violation, said as what was expected and what came back. */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

/** A check that cannot run against this server or these tokens. */
export class CheckSkipped extends Error {
  override name = 'CheckSkipped';
}

export function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CheckFailure(message);
}

export function expectStatus(exchange: Exchange, status: number): void {
  expect(exchange.status === status, `${exchange.method} ${exchange.path}: expected HTTP ${status}, got ${exchange.status} ${exchange.text.slice(0, 200)}`);
}

/** The body parsed by the schema, or a failure naming the first few mismatches. */
export function expectShape<T extends z.ZodType>(exchange: Exchange, schema: T): z.output<T> {
  const result = schema.safeParse(exchange.json);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw new CheckFailure(`${exchange.method} ${exchange.path}: body does not match the schema: ${issues.join('; ')}`);
}
