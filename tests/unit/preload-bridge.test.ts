// What the page gets from the preload in the desktop app: named functions, nothing of Node or
// Electron. Run over a named fake of the `electron` module, as the Electron binary cannot run here.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { consoleMethodNames } from '../../shared/console-api/index.ts';
import { bridgeKeys } from '../../shared/preload-bridge.ts';
import { exposedInMainWorld, fakeElectronPreload, ipcCalls } from '../fakes/fake-electron-preload.ts';

vi.mock('electron', async () => (await import('../fakes/fake-electron-preload.ts')).fakeElectronPreload);

type Bridge = { methods: Record<string, (input: unknown) => Promise<unknown>>; onEvent(listener: () => void): () => void; files: Record<string, (...args: unknown[]) => Promise<unknown>> };
let bridge: Bridge;
beforeAll(async () => {
  await import('../../preload/index.ts');
  bridge = exposedInMainWorld.get('opsdeck') as Bridge;
});

/** Every value reachable from the bridge that is not a plain object, with its path. */
function leaves(value: unknown, path = 'opsdeck'): Array<{ path: string; value: unknown }> {
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, `${path}.${key}`));
  }
  return [{ path, value }];
}

describe('the preload bridge', () => {
  it('exposes one global, opsdeck, with exactly the expected keys', () => {
    expect([...exposedInMainWorld.keys()]).toEqual(['opsdeck']);
    expect(Object.keys(bridge).sort()).toEqual([...bridgeKeys].sort());
    expect(Object.keys(bridge.methods).sort()).toEqual([...consoleMethodNames].sort());
    expect(Object.keys(bridge.files).sort()).toEqual(['register', 'saveTarget']);
  });

  it('hands over functions only: no ipcRenderer, no generic invoke, no Node object', () => {
    for (const leaf of leaves(bridge)) {
      expect(typeof leaf.value, leaf.path).toBe('function');
      expect(Object.keys(leaf.value as object), leaf.path).toEqual([]);
    }
    const ipc = Object.values(fakeElectronPreload.ipcRenderer);
    expect(leaves(bridge).filter((leaf) => ipc.includes(leaf.value as never) || /\.(invoke|send|sendSync|ipcRenderer)$/.test(leaf.path))).toEqual([]);
  });

  it('calls the one channel of each method, and nothing else', async () => {
    ipcCalls.length = 0;
    await bridge.methods['app/info']!({});
    await bridge.files.saveTarget!('audit.ndjson');
    await bridge.files.register!([{ name: 'export.ndjson' }]);
    const stop = bridge.onEvent(() => {});
    stop();
    expect(ipcCalls.map(({ kind, channel }) => `${kind} ${channel}`)).toEqual(['invoke console:app/info', 'invoke files:save-target', 'invoke files:register', 'on console:event', 'off console:event']);
    expect(ipcCalls[2]!.args).toEqual([['/picked/export.ndjson']]);
    expect(bridge.methods['../../evil']).toBeUndefined();
  });
});
