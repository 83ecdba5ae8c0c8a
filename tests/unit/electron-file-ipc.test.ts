import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindFileIpc } from '../../electron/app/files/file-ipc.ts';
import { createSenderCheck } from '../../electron/app/ipc/sender-check.ts';
import { createFileRegistry } from '../../electron/services/files/file-registry.ts';
import { bridgeChannels } from '../../shared/preload-bridge.ts';
import { fakeElectron, fakeWindow, resetFakeElectron } from '../fakes/fake-electron.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

vi.mock('electron', async () => (await import('../fakes/fake-electron.ts')).fakeElectron);

let dataDir: ReturnType<typeof makeDataDir>;
const window = fakeWindow(3, 'app://opsdeck/index.html');

function bound() {
  const files = createFileRegistry(dataDir.path);
  const isTrusted = createSenderCheck(() => window.contents as never, ['app://opsdeck']);
  bindFileIpc(fakeElectron.ipcMain, files, isTrusted, () => null);
  return files;
}

beforeEach(() => {
  resetFakeElectron();
  dataDir = makeDataDir();
});
afterEach(() => dataDir.remove());

describe('file IPC between the window and the services (Electron host)', () => {
  it('turns the paths of dropped files into tokens, and never takes them from a frame that is not the window', async () => {
    const files = bound();
    const dropped = join(dataDir.path, 'q3.ndjson');
    writeFileSync(dropped, '{}\n');
    const [registered] = (await fakeElectron.ipcMain.invoke(bridgeChannels.registerFiles, window.eventFrom(window.mainFrame), [dropped])) as Array<{ token: string; name: string }>;
    expect(registered).toMatchObject({ name: 'q3.ndjson', size: 3 });
    expect(files.path(registered!.token)).toBe(dropped);
    for (const event of [window.eventFrom({ url: 'app://opsdeck/index.html', parent: window.mainFrame } as never), window.eventFrom({ url: 'https://evil.example/' }), window.eventFrom(window.mainFrame, 99)]) {
      await expect(fakeElectron.ipcMain.invoke(bridgeChannels.registerFiles, event, [dropped])).rejects.toThrow(/^files:register: refused a call from a frame that is not the Opsdeck window\.$/);
    }
  });

  it('refuses malformed path lists with what is wrong', async () => {
    bound();
    const event = window.eventFrom(window.mainFrame);
    const problems = {
      'files:register: invalid input: value: Too small: expected array to have >=1 items': [],
      'files:register: invalid input: value: Invalid input: expected array, received string': 'a.ndjson',
      "files:register: invalid input: field '0': Too small: expected string to have >=1 characters": [''],
      "files:register: invalid input: field '0': Invalid input: expected string, received number": [42],
      'files:register: invalid input: value: Too big: expected array to have <=100 items': Array.from({ length: 101 }, () => '/a'),
      "files:register: invalid input: field '0': Too big: expected string to have <=4096 characters": ['x'.repeat(4_097)],
    };
    for (const [message, paths] of Object.entries(problems)) {
      await expect(fakeElectron.ipcMain.invoke(bridgeChannels.registerFiles, event, paths)).rejects.toThrow(message);
    }
    await expect(fakeElectron.ipcMain.invoke(bridgeChannels.registerFiles, event, [join(dataDir.path, 'gone.ndjson')])).rejects.toThrow(/ENOENT/);
    await expect(fakeElectron.ipcMain.invoke(bridgeChannels.registerFiles, event, [dataDir.path])).rejects.toThrow(/is not a regular file/);
  });

  it('asks where to save an export in a native dialog: a token for the chosen path, or null when cancelled', async () => {
    const files = bound();
    const event = window.eventFrom(window.mainFrame);
    expect(await fakeElectron.ipcMain.invoke(bridgeChannels.saveTarget, event, 'audit.ndjson')).toBeNull();
    fakeElectron.dialog.saveAnswer = { canceled: false, filePath: join(dataDir.path, 'out.ndjson') };
    const token = (await fakeElectron.ipcMain.invoke(bridgeChannels.saveTarget, event, 'audit.ndjson')) as string;
    expect(files.path(token)).toBe(join(dataDir.path, 'out.ndjson'));
    await expect(fakeElectron.ipcMain.invoke(bridgeChannels.saveTarget, event, '')).rejects.toThrow(/^files:save-target: invalid input: value: Too small: \S/);
    await expect(fakeElectron.ipcMain.invoke(bridgeChannels.saveTarget, window.eventFrom({ url: 'https://evil.example/' }), 'a')).rejects.toThrow(/^files:save-target: refused/);
  });
});
