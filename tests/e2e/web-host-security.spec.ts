import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Node's http client, because browsers and fetch cannot forge Host and Origin headers. */
function rawRequest(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

test('the web host refuses a request without the token', async ({ page, console: app }) => {
  const response = await page.goto(app.host.origin);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('Missing or wrong access token');

  const call = await rawRequest(app.host.port, '/api/call/app/info', { 'content-type': 'application/json' }, 'POST', '{}');
  expect(call.status).toBe(401);
  const wrong = await rawRequest(app.host.port, '/?token=not-the-token', {});
  expect(wrong.status).toBe(401);
});

test('the token is exchanged for an HttpOnly SameSite=Strict cookie and removed from the URL', async ({ page, context, console: app }) => {
  const first = await rawRequest(app.host.port, new URL(app.host.url).pathname + new URL(app.host.url).search, {});
  expect(first.status).toBe(303);
  expect(first.headers.location).toBe('/');
  expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);

  await page.goto(app.host.url);
  await expect(page).toHaveURL(`${app.host.origin}/`);
  const cookies = await context.cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('the web host refuses a foreign Host header (DNS rebinding) even with the token', async ({ console: app }) => {
  const url = new URL(app.host.url);
  const response = await rawRequest(app.host.port, url.pathname + url.search, { host: `evil.example:${app.host.port}` });
  expect(response.status).toBe(403);
  expect(response.body).toContain("Host 'evil.example");
  const ok = await rawRequest(app.host.port, url.pathname + url.search, { host: `localhost:${app.host.port}` });
  expect(ok.status).toBe(303);
});

test('the web host refuses a foreign Origin even with a valid cookie', async ({ page, context, console: app }) => {
  await page.goto(app.host.url);
  const [cookie] = await context.cookies();
  const headers = { cookie: `${cookie!.name}=${cookie!.value}`, 'content-type': 'application/json' };

  const allowed = await rawRequest(app.host.port, '/api/call/app/info', { ...headers, origin: app.host.origin }, 'POST', '{}');
  expect(allowed.status).toBe(200);
  expect(allowed.headers['access-control-allow-origin']).toBeUndefined();

  const foreign = await rawRequest(app.host.port, '/api/call/settings/update', { ...headers, origin: 'http://evil.example' }, 'POST', '{"theme":"dark"}');
  expect(foreign.status).toBe(403);
  expect(foreign.body).toContain("Origin 'http://evil.example'");
  expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
});

test('every page carries a strict content security policy', async ({ page, console: app }) => {
  const response = await page.goto(app.host.url);
  const csp = (await response!.allHeaders())['content-security-policy'];
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("'unsafe-eval'");
});

test('the renderer reaches no Node or Electron API: no require, process, Buffer or module, no bridge, no node: imports', async ({ page, console: app }) => {
  await page.goto(app.host.url);
  await expect(page.getByRole('navigation')).toBeVisible();
  const reach = await page.evaluate(async () => {
    const scope = globalThis as Record<string, unknown>;
    const importFs = await import(/* @vite-ignore */ 'node:fs' as string).then(
      () => 'imported',
      (error: Error) => error.name,
    );
    return {
      globals: Object.fromEntries(['require', 'process', 'Buffer', 'module', 'global', 'electron', 'ipcRenderer', 'opsdeck'].map((name) => [name, typeof scope[name]])),
      importFs,
    };
  });
  expect(reach.globals).toEqual({ require: 'undefined', process: 'undefined', Buffer: 'undefined', module: 'undefined', global: 'undefined', electron: 'undefined', ipcRenderer: 'undefined', opsdeck: 'undefined' });
  expect(reach.importFs).toBe('TypeError');
});

test('the CSP blocks injected inline script, inline handlers and foreign scripts, and reports each violation', async ({ page, console: app }) => {
  const refusals: string[] = [];
  page.on('console', (message) => message.type() === 'error' && message.text().includes('violates the following Content Security Policy directive') && refusals.push(message.text()));
  await page.goto(app.host.url);
  await expect(page.getByRole('navigation')).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const scope = window as unknown as Record<string, unknown>;
    const violations: Array<{ directive: string; blocked: string }> = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI }));

    const inline = document.createElement('script');
    inline.textContent = 'window.inlineRan = true;';
    document.body.append(inline);
    const handler = document.createElement('img');
    handler.setAttribute('onerror', 'window.handlerRan = true;');
    handler.src = '/no-such-image.png';
    document.body.append(handler);
    const foreign = document.createElement('script');
    foreign.src = 'https://evil.example/steal.js';
    document.body.append(foreign);
    await new Promise((settled) => setTimeout(settled, 500));
    return { inlineRan: scope.inlineRan ?? false, handlerRan: scope.handlerRan ?? false, violations };
  });

  expect(outcome).toMatchObject({ inlineRan: false, handlerRan: false });
  expect(outcome.violations).toEqual(
    expect.arrayContaining([
      { directive: 'script-src-elem', blocked: 'inline' },
      { directive: 'script-src-attr', blocked: 'inline' },
      { directive: 'script-src-elem', blocked: 'https://evil.example/steal.js' },
    ]),
  );
  // Chromium reports each to the console as well.
  expect(refusals).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Executing inline script violates .*script-src 'self'/),
      expect.stringMatching(/^Executing inline event handler violates .*script-src 'self'/),
      expect.stringMatching(/^Loading the script 'https:\/\/evil\.example\/steal\.js' violates/),
    ]),
  );
});
