import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from '../fakes/fake-electron.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { rememberPlacement, restoredPlacement } from '../../electron/app/window/window-placement.ts';

vi.mock('electron', async () => (await import('../fakes/fake-electron.ts')).fakeElectron);

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1400 };
let dataDir: ReturnType<typeof makeDataDir>;

beforeEach(() => {
  resetFakeElectron();
  dataDir = makeDataDir();
});
afterEach(() => dataDir.remove());

function closeWindowAt(bounds: { x: number; y: number; width: number; height: number }, maximized = false) {
  const window = new FakeBrowserWindow({});
  window.bounds = bounds;
  window.maximized = maximized;
  rememberPlacement(window as never, dataDir.path);
  window.close();
}

describe('the window remembers its size and position in the data dir (Electron host)', () => {
  it('reopens where it was closed, maximized again if it was, at its size before maximizing', () => {
    fakeElectron.screen.setDisplays([laptop, monitor]);
    closeWindowAt({ x: 1600, y: 80, width: 1500, height: 1000 }, true);
    expect(JSON.parse(readFileSync(join(dataDir.path, 'window-state.json'), 'utf8'))).toEqual({ x: 1600, y: 80, width: 1500, height: 1000, maximized: true });
    expect(restoredPlacement(dataDir.path)).toEqual({ bounds: { x: 1600, y: 80, width: 1500, height: 1000 }, maximized: true });
  });

  it('reopens on the laptop, centred, once the monitor it was on is unplugged', () => {
    fakeElectron.screen.setDisplays([laptop, monitor]);
    closeWindowAt({ x: 2000, y: 100, width: 1400, height: 900 });
    fakeElectron.screen.setDisplays([laptop]);
    expect(restoredPlacement(dataDir.path)).toEqual({ bounds: { x: 20, y: 0, width: 1400, height: 875 }, maximized: false });
  });

  it('opens at the default place on first start, and when the saved state is unreadable or absurd', () => {
    const centred = { bounds: { x: 20, y: 0, width: 1400, height: 875 }, maximized: false };
    fakeElectron.screen.setDisplays([laptop]);
    expect(restoredPlacement(dataDir.path)).toEqual(centred);
    for (const broken of ['{not json', '{"x":"1","y":0,"width":100,"height":100,"maximized":false}', '{"x":0,"y":0,"width":-5,"height":100,"maximized":false}', '{"x":1e308,"y":0,"width":100,"height":100,"maximized":false}', '[]', '']) {
      writeFileSync(join(dataDir.path, 'window-state.json'), broken);
      expect(restoredPlacement(dataDir.path), broken).toEqual(centred);
    }
  });

  it('still closes when the state cannot be saved, and says why', () => {
    const warnings: string[] = [];
    const window = new FakeBrowserWindow({});
    rememberPlacement(window as never, join(dataDir.path, 'window-state.json', 'not-a-dir'), (message) => warnings.push(message));
    writeFileSync(join(dataDir.path, 'window-state.json'), 'a file where a folder should be');
    window.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Could not save the window's size and position: \S/);
  });
});
