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
