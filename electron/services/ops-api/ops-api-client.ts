import ky, { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import { withoutLeadingByteOrderMark } from '../audit/byte-order-mark.ts';
import type { z } from 'zod';
import { describeIssues } from '../../../shared/console-api/index.ts';
import { problem } from '../../../shared/ops-api/common.ts';
import { operations } from '../../../shared/ops-api/operations.ts';
import type { OperationId } from '../../../shared/ops-api/operations.ts';
import { errorReason } from '../error-reason.ts';
import { createDispatcher } from './dispatcher.ts';
import type { NetworkOptions } from './dispatcher.ts';
import { OpsApiError } from './ops-api-error.ts';

export interface OpsConnection extends NetworkOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
}

export interface CallArgs {
  /** Values for {placeholders} in the operation's path. */
  path?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Makes a mutation safe to retry; sent as Idempotency-Key. */
  idempotencyKey?: string;
}

type ResponseOf<Op extends OperationId> = (typeof operations)[Op] extends { response: infer S extends z.ZodType } ? z.output<S> : void;

export interface RetryPolicy {
  limit: number;
  /** Longest Retry-After we wait for before giving up. */
  maxRetryAfterMs: number;
}

/**
 * The Ops API over ky: every response parsed with its shared/ schema, retries with jittered
 * backoff on 429/502/503/504 and network errors (honouring Retry-After), and failures turned
 * into OpsApiErrors that say which endpoint failed and why.
 */
export function createOpsApiClient(connection: OpsConnection, retry: RetryPolicy = { limit: 4, maxRetryAfterMs: 60_000 }) {
  const dispatcher = createDispatcher(connection);
  const root = connection.baseUrl.replace(/\/*$/, '/');
  const http = ky.create({
    timeout: connection.timeoutMs,
    headers: { authorization: `Bearer ${connection.token}`, accept: 'application/json' },
    retry: {
      limit: retry.limit,
      statusCodes: [429, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: retry.maxRetryAfterMs,
      backoffLimit: 10_000,
      jitter: true,
      retryOnTimeout: true,
    },
    ...(dispatcher ? { dispatcher } : {}),
  } as Parameters<typeof ky.create>[0]);

  /** The response body's bytes, as sent; failures are OpsApiErrors naming the endpoint. */
  async function callForBytes(op: OperationId, args: CallArgs = {}): Promise<{ bytes: Buffer; endpoint: string }> {
    const spec = operations[op];
    const path = fillPath(spec.path, args.path ?? {});
    const endpoint = `${spec.method.toUpperCase()} ${path}`;
    try {
      // Only set what this call adds: ky reads an explicit `undefined` as "remove the default".
      const response = await http(new URL(path.slice(1), root), {
        method: spec.method,
        ...(args.query ? { searchParams: withoutUndefined(args.query) } : {}),
        ...(args.body === undefined ? {} : { json: args.body }),
        ...(args.idempotencyKey ? { headers: { 'idempotency-key': args.idempotencyKey } } : {}),
        // A mutation is retried only when an Idempotency-Key makes the retry safe.
        ...(args.idempotencyKey || spec.method === 'get' ? {} : { retry: { limit: 0 } }),
      });
      return { bytes: withoutLeadingByteOrderMark(Buffer.from(await response.arrayBuffer())), endpoint };
    } catch (error) {
      throw await toOpsApiError(error, endpoint, spec.scope);
    }
  }

  /** The response body's parsed, validated value. */
  async function call<Op extends OperationId>(op: Op, args: CallArgs = {}): Promise<ResponseOf<Op>> {
    const { bytes, endpoint } = await callForBytes(op, args);
    const spec = operations[op];
    if (!('response' in spec)) return undefined as ResponseOf<Op>;
    return parseBody(spec.response, bytes.toString('utf8'), endpoint) as ResponseOf<Op>;
  }

  return {
    baseUrl: connection.baseUrl,
    /** What another thread needs to make the same client. */
    connection,
    retry,
    callForBytes,
    call,
  };
}

export type OpsApiClient = ReturnType<typeof createOpsApiClient>;

function withoutUndefined(query: Record<string, string | number | undefined>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
}

function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Missing path parameter '${name}' for ${template}`);
    return encodeURIComponent(value);
  });
}

/** A response body parsed and checked against its schema; an OpsApiError naming the endpoint and the first bad field if it does not match. */
export function parseBody(schema: z.ZodType, text: string, endpoint: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new OpsApiError('contract', endpoint, 'the response is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new OpsApiError('contract', endpoint, `the response does not match the Ops API contract: ${describeIssues(parsed.error, 1)}`);
  }
  return parsed.data;
}

async function toOpsApiError(error: unknown, endpoint: string, scope: string | null): Promise<OpsApiError> {
  if (isTimeoutError(error)) return new OpsApiError('timeout', endpoint, 'the platform did not answer in time');
  if (isNetworkError(error)) {
    const cause = (error as { cause?: { code?: string; cause?: { code?: string } } }).cause;
    const code = cause?.code ?? cause?.cause?.code ?? 'network error';
    return new OpsApiError('network', endpoint, `cannot reach the platform (${code})`);
  }
  if (!isHTTPError(error)) return new OpsApiError('network', endpoint, errorReason(error));

  const status = error.response.status;
  const detail = problemDetail(error.data) ?? `${status} ${error.response.statusText}`.trim();
  switch (status) {
    case 401:
      return new OpsApiError('unauthorized', endpoint, 'token rejected (401): check the profile’s token', status);
    case 403:
      return new OpsApiError('forbidden', endpoint, `token lacks scope ${scopeNamed(detail) ?? scope ?? 'for this call'} (403)`, status);
    case 404:
      return new OpsApiError('not-found', endpoint, `not found: ${detail}`, status);
    case 409:
      return new OpsApiError('conflict', endpoint, `conflict: ${detail}`, status);
    case 422:
    case 400:
      return new OpsApiError('invalid', endpoint, `invalid parameters: ${detail}`, status);
    case 429:
      return new OpsApiError('rate-limited', endpoint, 'the platform is rate limiting us; try again later', status);
    default:
      return new OpsApiError('server', endpoint, `the platform failed (${status}): ${detail}`, status);
  }
}

/** What a problem+json body says went wrong: its detail, else its title; null without either. */
function problemDetail(body: unknown): string | null {
  const parsed = problem.safeParse(body);
  if (!parsed.success) return null;
  return [parsed.data.detail, parsed.data.title].find((text) => text.trim() !== '') ?? null;
}

function scopeNamed(detail: string): string | null {
  return /\b([a-z]+:(?:read|write))\b/.exec(detail)?.[1] ?? null;
}
