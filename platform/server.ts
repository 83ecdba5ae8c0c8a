import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { systemClock } from '../shared/clock.ts';
import type { Clock } from '../shared/clock.ts';
import { operations } from '../shared/ops-api/index.ts';
import type { Operation, OperationId } from '../shared/ops-api/index.ts';
import { AuditLedger } from './audit-ledger.ts';
import { authenticate, readDemoTokens } from './auth.ts';
import type { DemoTokens } from './auth.ts';
import { openPlatformDb } from './db/schema.ts';
import { demoParamsKey, generateDemoData } from './demo-data/generate.ts';
import { readJsonBody } from './http/read-body.ts';
import { forbidden, invalidParameters, methodNotAllowed, notFound, ProblemError, sendProblem, unauthorized } from './http/problem.ts';
import { createRouter } from './http/router.ts';
import { IdempotencyStore } from './idempotency.ts';
import { startLiveSimulator } from './live-simulator.ts';
import { auditHandlers } from './routes/audit.ts';
import { billingHandlers } from './routes/billing.ts';
import { connectorHandlers } from './routes/connectors.ts';
import type { Handlers, PlatformContext } from './routes/handler.ts';
import { RawJson } from './routes/handler.ts';
import { createRateLimiter } from './rate-limit.ts';
import type { RateLimit } from './rate-limit.ts';
import { queueHandlers } from './routes/queues.ts';
import { statusHandlers } from './routes/status.ts';
import { tenantHandlers } from './routes/tenants.ts';

export interface PlatformOptions {
  /** The SQLite file; created and filled with demo data when new, reused when it already holds the same data set. */
  dbPath: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  tenants?: number;
  events?: number;
  /** Keep the platform moving: new audit events, queue backlogs, a connector incident. */
  live?: boolean;
  /** Live simulator tick; tests shorten it. */
  liveTickMs?: number;
  /** The platform's time: a new data set's history ends at its reading on start, and live activity follows it. */
  clock?: Clock;
  /** Per token; default 200 a second in bursts of 400. */
  rateLimit?: RateLimit;
}

export interface RunningPlatform {
  url: string;
  tokens: DemoTokens;
  /** Milliseconds spent generating demo data, or null when an existing database was reused. */
  generationMs: number | null;
  close(): Promise<void>;
}

/** Starts the reference Ops API server on loopback over a real SQLite database. */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const params = { seed: options.seed ?? 42, tenants: options.tenants ?? 120, events: options.events ?? 250_000 };
  const { db, fresh } = openPlatformDb(options.dbPath);
  const clock = options.clock ?? systemClock;
  let generationMs: number | null = null;
  if (fresh) {
    const started = performance.now();
    generateDemoData(db, { ...params, now: clock() });
    generationMs = Math.round(performance.now() - started);
  } else {
    const stored = db.prepare("SELECT value FROM meta WHERE key = 'params'").pluck().get() as string | undefined;
    if (stored !== demoParamsKey(params)) {
      db.close();
      throw new Error(`${options.dbPath} holds a different data set (${stored}); delete it or pass another --db.`);
    }
  }
  const platform: PlatformContext = { db, ledger: new AuditLedger(db), now: clock, platform: { name: 'Opsdeck demo platform', environment: 'demo' } };
  const handlers: Handlers = {
    ...statusHandlers(platform),
    ...auditHandlers(platform),
    ...queueHandlers(platform),
    ...tenantHandlers(platform),
    ...billingHandlers(platform),
    ...connectorHandlers(platform),
  };
  const handle = createRequestHandler(platform, handlers, options.rateLimit ?? { perSecond: 200, burst: 400 });
  const server = createServer((req, res) => void handle(req, res));
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  const simulator = options.live ? startLiveSimulator(platform, options.liveTickMs) : null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    tokens: readDemoTokens(db),
    generationMs,
    async close() {
      simulator?.stop();
      await new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      });
      db.close();
    },
  };
}

function createRequestHandler(platform: PlatformContext, handlers: Handlers, rateLimit: RateLimit) {
  const match = createRouter(operations);
  const idempotency = new IdempotencyStore(platform.db, platform.now);
  const takeRequest = createRateLimiter(rateLimit, platform.now);

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = `req_${randomBytes(10).toString('hex')}`;
    res.setHeader('X-Request-Id', requestId);
    try {
      const url = new URL(req.url ?? '/', 'http://platform.invalid');
      const route = match(req.method ?? 'GET', url.pathname);
      if (route.kind === 'none') throw notFound(`No Ops API resource at ${url.pathname}.`);
      if (route.kind === 'wrong-method') {
        res.setHeader('Allow', route.allowed.join(', '));
        throw methodNotAllowed(`${req.method} is not supported on ${url.pathname}; use ${route.allowed.join(' or ')}.`);
      }
      const operation: Operation = operations[route.id];
      const principal = operation.scope === null ? null : authenticate(platform.db, req);
      if (operation.scope !== null && principal === null) {
        throw unauthorized(req.headers.authorization ? 'The bearer token is not valid.' : 'Send Authorization: Bearer <token>.');
      }
      if (principal !== null) takeRequest(principal.subject.id);
      if (operation.scope !== null && operation.scope !== 'any' && !principal!.scopes.includes(operation.scope)) throw forbidden(operation.scope);
      const query = parse(operation.query, Object.fromEntries(url.searchParams), 'query');
      const rawBody = operation.method === 'get' ? undefined : await readJsonBody(req);
      const body = operation.body ? parse(operation.body, rawBody, 'body') : undefined;

      const key = operation.method === 'get' ? undefined : req.headers['idempotency-key'];
      if (typeof key === 'string' && principal !== null) {
        const request = `${req.method} ${url.pathname} ${JSON.stringify(rawBody ?? null)}`;
        const stored = idempotency.replay(principal.subject.id, key, request);
        if (stored !== null) return send(res, stored.status, stored.body, { 'Idempotent-Replayed': 'true' });
        const response = run(route.id, operation, { query, body, params: route.params, principal, req, requestId });
        idempotency.remember(principal.subject.id, key, request, response);
        return send(res, response.status, response.body);
      }
      const response = run(route.id, operation, { query, body, params: route.params, principal, req, requestId });
      send(res, response.status, response.body);
    } catch (error) {
      if (error instanceof ProblemError) return sendProblem(res, error);
      console.error(`platform: ${req.method} ${req.url} failed (${requestId}):`, error);
      sendProblem(res, new ProblemError(500, 'internal', 'Internal Server Error', `The platform failed to handle this request; quote request id ${requestId}.`));
    }
  };

  /** Synchronous on purpose: between the idempotency lookup and remembering the response nothing else may run. */
  function run(
    id: OperationId,
    operation: Operation,
    input: { query: unknown; body: unknown; params: Record<string, string>; principal: unknown; req: IncomingMessage; requestId: string },
  ): { status: number; body: string | Buffer | null } {
    const handler = handlers[id] as (input: unknown) => unknown;
    const result = handler({
      query: input.query,
      body: input.body,
      params: input.params,
      principal: input.principal,
      request: { ip: input.req.socket.remoteAddress ?? null, userAgent: input.req.headers['user-agent'] ?? null, requestId: input.requestId },
    });
    if (operation.status === 204) return { status: 204, body: null };
    return { status: operation.status, body: result instanceof RawJson ? result.text : JSON.stringify(result) };
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: 'query' | 'body'): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : where}: ${issue.message}`);
  throw invalidParameters(`Invalid ${where}: ${issues.join('; ')}.`);
}

function send(res: ServerResponse, status: number, body: string | Buffer | null, headers: Record<string, string> = {}): void {
  if (body === null) {
    res.writeHead(status, headers);
    return void res.end();
  }
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done((server.address() as AddressInfo).port);
    });
  });
}
