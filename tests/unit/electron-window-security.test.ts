import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeWebContents, fakeElectron, resetFakeElectron } from '../fakes/fake-electron.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { appOrigin, registerAppScheme, serveRenderer } from '../../electron/app/protocol/app-protocol.ts';
import { denyPermissions, refuseWebviews } from '../../electron/app/window/lockdown.ts';
import { createMainWindow } from '../../electron/app/window/main-window.ts';
import { openExternalSafely } from '../../electron/app/window/open-external.ts';
import { contentSecurityPolicy } from '../../electron/services/content-security-policy.ts';

vi.mock('electron', async () => (await import('../fakes/fake-electron.ts')).fakeElectron);

const startUrl = `${appOrigin}/index.html`;

function openWindow(maximized = false) {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', startUrl, trustedOrigins: [appOrigin], placement: { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized } });
  return FakeBrowserWindow.windows.at(-1)!;
}

beforeEach(resetFakeElectron);

describe('the Electron security checklist, over the fake electron module', () => {
  it('makes the window sandboxed and context-isolated, with no Node in the page, its frames or workers, and no <webview>', () => {
    const window = openWindow();
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(window.webContents.mainFrame.url).toBe(startUrl);
    expect(window.options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false });
  });

  it('lets the page move within its own origin only: a foreign URL, a file, another app:// host or a script is blocked', () => {
    const contents = openWindow().webContents;
    expect(contents.navigate(`${appOrigin}/index.html#/audit`)).toBe(true);
    for (const url of ['https://evil.example/', 'http://127.0.0.1:9999/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'data:text/html,<h1>x</h1>', 'opsdeck://tenant/t1', 'not a url']) {
      expect(contents.navigate(url), url).toBe(false);
    }
    expect(contents.mainFrame.url).toBe(`${appOrigin}/index.html#/audit`);
    expect(contents.navigate(`${appOrigin}/index.html`, 'will-redirect')).toBe(false);
  });

  it('denies every window.open, handing only http(s) links to the browser', async () => {
    const contents = openWindow().webContents;
    for (const url of ['https://docs.opsdeck.dev/audit', 'http://status.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'opsdeck://tenant/t1', `${appOrigin}/index.html`]) {
      expect(contents.openWindow(url), url).toBe('deny');
    }
    await vi.waitFor(() => expect(fakeElectron.shell.opened).toEqual(['https://docs.opsdeck.dev/audit', 'http://status.example/']));
  });

  it('gives shell.openExternal only http(s) URLs', async () => {
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'mailto:x@example.com', 'ms-msdt:/id PCWDiagnostic', 'smb://10.0.0.1/share', 'vbscript:x', '//evil.example', 'not a url', '']) {
      expect(await openExternalSafely(url), url).toBe(false);
    }
    expect(await openExternalSafely('https://example.com/a?b=c')).toBe(true);
    expect(fakeElectron.shell.opened).toEqual(['https://example.com/a?b=c']);
  });

  it('refuses a <webview> in the window and in any other web contents', () => {
    const window = openWindow();
    expect(window.webContents.attachWebview('https://evil.example/')).toBe(false);
    refuseWebviews();
    const other = new FakeWebContents();
    fakeElectron.app.emit('web-contents-created', {}, other);
    expect(other.attachWebview('https://evil.example/')).toBe(false);
  });

  it('refuses every permission a page asks for or checks', () => {
    const session = fakeElectron.session.defaultSession;
    denyPermissions(session as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fileSystem']) {
      expect(session.requestPermission(permission), permission).toBe(false);
      expect(session.checkPermission(permission), permission).toBe(false);
    }
  });

  it('shows the window once painted, maximized when it was', () => {
    const plain = openWindow();
    expect(plain.shown).toBe(false);
    plain.emit('ready-to-show');
    expect([plain.shown, plain.maximized]).toEqual([true, false]);
    const maximized = openWindow(true);
    maximized.emit('ready-to-show');
    expect([maximized.shown, maximized.maximized]).toEqual([true, true]);
  });
});

describe('the app:// protocol serving the renderer', () => {
  const rendererDir = makeDataDir('opsdeck-renderer-');
  afterEach(() => fakeElectron.protocol.reset());

  it('registers app:// as a standard, secure scheme, without CSP bypass', () => {
    registerAppScheme();
    expect(fakeElectron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the built files with the CSP, and nothing outside the renderer folder or of another host', async () => {
    mkdirSync(join(rendererDir.path, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir.path, 'index.html'), '<!doctype html><title>Opsdeck</title>');
    writeFileSync(join(rendererDir.path, 'assets', 'index.js'), 'console.log(1)');
    serveRenderer(rendererDir.path);
    const page = await fakeElectron.protocol.fetch(`${appOrigin}/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Opsdeck</title>');
    expect((await fakeElectron.protocol.fetch(`${appOrigin}/assets/index.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const url of [`${appOrigin}/..%2F..%2Fetc%2Fpasswd`, `${appOrigin}/%2e%2e/%2e%2e/etc/passwd`, `${appOrigin}/assets`, `${appOrigin}/missing.js`, 'app://evil/index.html', `${appOrigin}/%E0%A4%A`]) {
      expect((await fakeElectron.protocol.fetch(url)).status, url).toBe(404);
    }
    rendererDir.remove();
  });
});
