import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { bindConsoleApi } from '../../electron/app/ipc/ipc-binding.ts';
import { createSenderCheck } from '../../electron/app/ipc/sender-check.ts';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import { createDispatch } from '../../electron/services/dispatch.ts';
import { consoleMethodNames, defaultSettings } from '../../shared/console-api/index.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { methodChannel } from '../../shared/preload-bridge.ts';
import { FakeIpcMain, fakeWindow } from '../fakes/fake-electron.ts';

function bound() {
  const dataDir = makeDataDir();
  const services = createConsoleServices({ dataDir: dataDir.path, host: 'electron', version: '1.2.3', demo: null });
  const ipcMain = new FakeIpcMain();
  const window = fakeWindow(7, 'app://opsdeck/index.html');
  const isTrusted = createSenderCheck(() => window.contents as unknown as WebContents, ['app://opsdeck']);
  const unbind = bindConsoleApi(ipcMain, createDispatch(services.handlers, () => {}), isTrusted);
  return { ipcMain, window, unbind, dataDir };
}

describe('Electron IPC binding', () => {
  it('registers one handler per console method', () => {
    const { ipcMain, unbind } = bound();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(consoleMethodNames.map(methodChannel).sort());
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers a valid call from our window', async () => {
    const { ipcMain, window } = bound();
    const result = await ipcMain.invoke(methodChannel('app/info'), window.eventFrom(window.mainFrame), {});
    expect(result).toMatchObject({ ok: true, value: { name: 'Opsdeck', version: '1.2.3', host: 'electron' } });
  });

  it('rejects a call from a subframe, another window or a foreign origin', async () => {
    const { ipcMain, window } = bound();
    const iframe = { url: 'app://opsdeck/index.html', parent: window.mainFrame };
    const foreign = { url: 'https://evil.example/' };
    const opaque = { url: 'data:text/html,<script>opsdeck()</script>' };
    for (const event of [
      window.eventFrom(iframe),
      window.eventFrom(opaque),
      window.eventFrom(window.mainFrame, 99),
      window.eventFrom(foreign),
    ]) {
      const result = await ipcMain.invoke(methodChannel('settings/update'), event, { theme: 'dark' });
      expect(result).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'settings/update: refused a call from a frame that is not the Opsdeck window.' },
      });
    }
  });

  it('rejects a call from our window when its main frame navigated elsewhere', async () => {
    const { ipcMain, window } = bound();
    window.mainFrame.url = 'https://evil.example/';
    const result = await ipcMain.invoke(methodChannel('app/info'), window.eventFrom(window.mainFrame), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('rejects a payload that fails its schema, naming the field, and changes nothing', async () => {
    const { ipcMain, window } = bound();
    const event = window.eventFrom(window.mainFrame);
    const result = await ipcMain.invoke(methodChannel('settings/update'), event, { theme: 'purple' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/^Invalid input for settings\/update: field 'theme': /);

    const extra = await ipcMain.invoke(methodChannel('settings/update'), event, { theme: 'dark', eval: 'x' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const after = await ipcMain.invoke(methodChannel('settings/get'), event, {});
    expect(after).toEqual({ ok: true, value: defaultSettings });
  });
});
