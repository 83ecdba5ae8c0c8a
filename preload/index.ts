import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { consoleMethodNames, isConsoleEvent } from '../shared/console-api/index.ts';
import type { ConsoleEvent, ConsoleResult } from '../shared/console-api/index.ts';
import { bridgeChannels, methodChannel } from '../shared/preload-bridge.ts';
import type { BridgeKey } from '../shared/preload-bridge.ts';

type Listener = (event: ConsoleEvent, payload: unknown) => void;

// One named function per console method; no generic invoke(channel) reaches the page.
const methods = Object.fromEntries(
  consoleMethodNames.map((method) => [method, (input: unknown): Promise<ConsoleResult> => ipcRenderer.invoke(methodChannel(method), input)]),
);

const bridge = {
  methods,
  onEvent(listener: Listener): () => void {
    const forward = (_sender: unknown, message: { event: string; payload: unknown }) => {
      if (isConsoleEvent(message.event)) listener(message.event, message.payload);
    };
    ipcRenderer.on(bridgeChannels.event, forward);
    return () => ipcRenderer.off(bridgeChannels.event, forward);
  },
  files: {
    /** Files the user dropped or picked: main registers their paths and answers tokens. */
    register: (files: File[]): Promise<unknown> => ipcRenderer.invoke(bridgeChannels.registerFiles, files.map((file) => webUtils.getPathForFile(file))),
    /** A native save dialog; a token for the chosen path, or null when cancelled. */
    saveTarget: (suggestedName: string): Promise<unknown> => ipcRenderer.invoke(bridgeChannels.saveTarget, suggestedName),
  },
} satisfies Record<BridgeKey, unknown>;

contextBridge.exposeInMainWorld('opsdeck', bridge);
