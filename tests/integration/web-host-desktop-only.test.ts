import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole } from '../fixtures/web-host.ts';
import type { RunningConsole } from '../fixtures/web-host.ts';

let app: RunningConsole;
let cookie: string;

beforeAll(async () => {
  app = await startConsole();
  const response = await fetch(app.host.url, { redirect: 'manual' });
  cookie = response.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(() => app.stop());

const call = (method: string, body: unknown) =>
  fetch(`${app.host.origin}/api/call/${method}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('web host and the desktop-only methods', () => {
  it('answers the updater over HTTP as not available in the browser', async () => {
    for (const method of ['updater/state', 'updater/check', 'updater/restart']) {
      const response = await call(method, {});
      expect(response.status).toBe(501);
      expect(await response.json()).toEqual({
        ok: false,
        error: { code: 'not-available', message: `${method}: not available in the browser, only in the Opsdeck desktop app.` },
      });
    }
  });

  it('still serves the shared methods, and keeps the update channel setting', async () => {
    const response = await call('settings/update', { updateChannel: 'beta' });
    expect(response.status).toBe(200);
    expect((await response.json()).value.updateChannel).toBe('beta');
    const refused = await call('settings/update', { updateChannel: 'nightly' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/^Invalid input for settings\/update: .*updateChannel/);
  });
});
