import { request } from 'node:http';
import { defaultSettings } from '../../shared/console-api/index.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startConsole } from '../fixtures/web-host.ts';
import type { RunningConsole } from '../fixtures/web-host.ts';

let app: RunningConsole;
let cookie: string;

beforeEach(async () => {
  app = await startConsole();
  const response = await fetch(app.host.url, { redirect: 'manual' });
  cookie = response.headers.get('set-cookie')!.split(';')[0]!;
});
afterEach(() => app.stop());

const authed = (extra: Record<string, string> = {}) => ({ cookie, ...extra });

function call(method: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(`${app.host.origin}/api/call/${method}`, { method: 'POST', headers: authed(headers), body });
}

describe('web host', () => {
  it('serves the built renderer and its assets', async () => {
    const page = await fetch(`${app.host.origin}/`, { headers: authed() });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    const script = /src="\.?(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const asset = await fetch(`${app.host.origin}${script}`, { headers: authed() });
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('opens the screen of an opsdeck:// link given as its path, e.g. /tenant/<id>', async () => {
    const open = (path: string) => fetch(`${app.host.origin}${path}`, { headers: authed(), redirect: 'manual' });
    expect((await open('/tenant/ten_8Kd2')).headers.get('location')).toBe('/#/tenants/ten_8Kd2');
    expect((await open('/queue/emails')).headers.get('location')).toBe('/#/queues/emails');
    expect((await open('/connection/conn_41')).headers.get('location')).toBe('/#/connectors/connection/conn_41');
    expect((await open('/audit?q=outcome%3Adenied')).headers.get('location')).toBe('/#/audit?q=outcome%3Adenied');
    expect((await open('/tenant/ten_1')).status).toBe(303);
    expect((await open('/tenant/a/b')).status).toBe(404);
    const unauthenticated = await fetch(`${app.host.origin}/tenant/ten_8Kd2`, { redirect: 'manual' });
    expect(unauthenticated.status).not.toBe(303);
  });

  it('never serves a file outside the renderer directory', async () => {
    const status = await new Promise<number>((done, fail) => {
      const req = request({ host: '127.0.0.1', port: app.host.port, path: '/../../package.json', headers: authed() }, (res) => {
        res.resume();
        done(res.statusCode!);
      });
      req.on('error', fail);
      req.end();
    });
    expect(status).toBe(404);
    expect((await fetch(`${app.host.origin}/%2e%2e/%2e%2e/package.json`, { headers: authed() })).status).toBe(404);
  });

  it('answers a call with the result envelope', async () => {
    const response = await call('settings/update', '{"timeDisplay":"utc"}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { ...defaultSettings, timeDisplay: 'utc' } });
  });

  it('refuses bodies that are not JSON, too large, or of another content type', async () => {
    const notJson = await call('settings/update', '{theme');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toMatch(/^Request body is not valid JSON/);

    const form = await call('settings/update', 'theme=dark', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    expect((await form.json()).error.message).toBe("Expected Content-Type application/json, got 'application/x-www-form-urlencoded'.");

    const huge = await call('settings/update', JSON.stringify({ theme: 'x'.repeat(2_000_000) }));
    expect((await huge.json()).error.message).toBe('Request body is larger than 1048576 bytes.');

    const get = await fetch(`${app.host.origin}/api/call/app/info`, { headers: authed() });
    expect(get.status).toBe(405);
  });

  it('pushes events to every connected event stream', async () => {
    const received = new Promise<string>((done, fail) => {
      const req = request({ host: '127.0.0.1', port: app.host.port, path: '/api/events', headers: authed() }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('connected') && !text.includes('data:')) void call('settings/update', '{"theme":"dark"}');
          const data = /data: (.*)\n\n/.exec(text);
          if (data) {
            req.destroy();
            done(data[1]!);
          }
        });
      });
      req.on('error', fail);
      req.end();
    });
    expect(JSON.parse(await received)).toEqual({ event: 'settings/changed', payload: { ...defaultSettings, theme: 'dark' } });
  });
});

describe('web host file transfer', () => {
  const upload = (body: string, headers: Record<string, string>, name = 'audit.ndjson') =>
    fetch(`${app.host.origin}/api/files?${new URLSearchParams({ name })}`, { method: 'POST', headers, body });

  it('takes uploads only with the token, and downloads only finished exports', async () => {
    expect((await upload('{}\n', {})).status).toBe(401);
    const uploaded = await upload('{"seq":1}\n', authed({ origin: app.host.origin }), '../../etc/evil.ndjson');
    expect(uploaded.status).toBe(200);
    const file = (await uploaded.json()) as { token: string; name: string; size: number };
    expect(file).toMatchObject({ name: 'evil.ndjson', size: 10 });
    // An upload is the user's own file handed to the services, not something to serve back.
    expect((await fetch(`${app.host.origin}/api/files/${file.token}`, { headers: authed() })).status).toBe(404);
    expect((await fetch(`${app.host.origin}/api/files/not-a-token`, { headers: authed() })).status).toBe(404);
    expect((await upload('x', authed({ origin: 'http://evil.example' }))).status).toBe(403);
  });

  it('an uploaded file that is not an audit trail imports nothing; the job fails naming file and line', async () => {
    const lines = ['{"not":"an event"}'];
    const uploaded = (await (await upload(`${lines.join('\n')}\n`, authed({ origin: app.host.origin }), 'bad.ndjson')).json()) as { token: string };
    const started = (await (await call('sources/import', JSON.stringify({ files: [uploaded.token], name: 'bad', skipInvalid: false }))).json()) as { value: { jobId: string } };
    const job = await finished(started.value.jobId);
    expect(job).toMatchObject({ state: 'failed' });
    expect(job.error).toMatch(/^bad\.ndjson:1: /);
    expect(((await (await call('sources/list', '{}')).json()) as { value: { sources: unknown[] } }).value.sources).toEqual([]);
  });
});

/** Polls jobs/list until the job has ended. */
async function finished(jobId: string): Promise<{ state: string; error: string | null }> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { value } = (await (await call('jobs/list', '{}')).json()) as { value: { jobs: Array<{ id: string; state: string; error: string | null }> } };
    const job = value.jobs.find((candidate) => candidate.id === jobId)!;
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} still running after 10 s`);
}
