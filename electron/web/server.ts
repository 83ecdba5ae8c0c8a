import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { ConsoleResult } from '../../shared/console-api/index.ts';
import type { ConsoleServices } from '../services/console-services.ts';
import { contentSecurityPolicy } from '../services/content-security-policy.ts';
import { createDispatch } from '../services/dispatch.ts';
import { errorReason } from '../services/error-reason.ts';
import { streamEvents } from './event-stream.ts';
import { filesPath, handleFileTransfer } from './file-transfer.ts';
import { BodyError, readJsonBody } from './read-json-body.ts';
import { createRequestGuard } from './request-guard.ts';
import { resolveStaticFile } from '../services/static-files.ts';
import { deepLinkRoute } from '../../shared/deep-link.ts';
import { sendStaticFile } from './send-static-file.ts';

export interface WebHostOptions {
  services: ConsoleServices;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only in tests; otherwise random per launch. */
  token?: string;
}

export interface WebHost {
  /** Open this: it carries the token once, then a cookie does. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

const callPrefix = '/api/call/';

/** Serves the renderer and the console API on 127.0.0.1 only, for browsers and tests. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  const dispatch = createDispatch(options.services.handlers, options.services.log.error);
  const server = createServer();
  const port = await listen(server, options.port ?? 0);
  const guard = createRequestGuard(port, token);
  const origin = `http://127.0.0.1:${port}`;

  server.on('request', (req, res) => {
    setSecurityHeaders(res);
    handle(req, res).catch((error: unknown) => {
      options.services.log.error(`web host: ${req.method} ${new URL(req.url ?? '/', origin).pathname} failed: ${errorReason(error)}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error; see the console log.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const presented = url.searchParams.get('token');
    const verdict = guard.check(req, presented);
    if (!verdict.ok) return sendText(res, verdict.status, verdict.reason);

    if (presented !== null) {
      res.setHeader('Set-Cookie', `${guard.cookieName}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
      url.searchParams.delete('token');
      res.writeHead(303, { Location: url.pathname + url.search + url.hash });
      return void res.end();
    }

    if (url.pathname.startsWith(callPrefix)) {
      if (req.method !== 'POST') return sendText(res, 405, 'Console calls use POST.');
      return sendResult(res, await call(url.pathname.slice(callPrefix.length), req));
    }
    if (url.pathname === '/api/events') return streamEvents(res, options.services.events);
    if (url.pathname === filesPath || url.pathname.startsWith(`${filesPath}/`)) return handleFileTransfer(req, res, url, options.services.files);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    // The paths of opsdeck:// links (/tenant/<id>, /queue/<name>, /connection/<id>, /audit?q=…) open the same screen here.
    const linked = deepLinkRoute(url.pathname + url.search);
    if (linked !== null) {
      res.writeHead(303, { Location: `/${linked}` });
      return void res.end();
    }
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (file === null) return sendText(res, 404, `Not found: ${url.pathname}`);
    sendStaticFile(res, file);
  }

  async function call(method: string, req: IncomingMessage): Promise<ConsoleResult> {
    let input: unknown;
    try {
      input = await readJsonBody(req);
    } catch (error) {
      if (error instanceof BodyError) return { ok: false, error: { code: 'invalid-input', message: error.message } };
      throw error;
    }
    return dispatch(decodeURIComponent(method), input);
  }

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      done((server.address() as AddressInfo).port);
    });
  });
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

const statusByCode = { 'unknown-method': 404, 'invalid-input': 400, 'invalid-output': 500, forbidden: 403, 'not-available': 501, failed: 500 };

function sendResult(res: ServerResponse, result: ConsoleResult): void {
  res.statusCode = result.ok ? 200 : statusByCode[result.error.code];
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(result));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`${text}\n`);
}
