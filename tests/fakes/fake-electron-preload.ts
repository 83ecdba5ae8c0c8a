/**
 * FAKE of the `electron` module as a preload script sees it, named so: the Electron binary cannot
 * run here. It records what the preload exposes to the page and every IPC channel it uses.
 *
 *   vi.mock('electron', async () => (await import('../fakes/fake-electron-preload.ts')).fakeElectronPreload);
 */
export const exposedInMainWorld = new Map<string, unknown>();
export const ipcCalls: Array<{ kind: 'invoke' | 'on' | 'off'; channel: string; args: unknown[] }> = [];

export const fakeElectronPreload = {
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown): void {
      exposedInMainWorld.set(key, api);
    },
  },
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      ipcCalls.push({ kind: 'invoke', channel, args });
      return Promise.resolve({ ok: true, value: null });
    },
    on(channel: string, ...args: unknown[]): void {
      ipcCalls.push({ kind: 'on', channel, args });
    },
    off(channel: string, ...args: unknown[]): void {
      ipcCalls.push({ kind: 'off', channel, args });
    },
  },
  webUtils: {
    getPathForFile: (file: { name: string }) => `/picked/${file.name}`,
  },
};
