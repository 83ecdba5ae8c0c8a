import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { consoleMethodNames, isConsoleEvent } from '../shared/console-api/index.ts';
import type { ConsoleEvent, ConsoleResult } from '../shared/console-api/index.ts';

type Listener = (event: ConsoleEvent, payload: unknown) => void;

// One named function per console method; no generic invoke(channel) reaches the page.
const methods = Object.fromEntries(
  consoleMethodNames.map((method) => [method, (input: unknown): Promise<ConsoleResult> => ipcRenderer.invoke(`console:${method}`, input)]),
);

contextBridge.exposeInMainWorld('opsdeck', {
  methods,
  onEvent(listener: Listener): () => void {
    const forward = (_sender: unknown, message: { event: string; payload: unknown }) => {
      if (isConsoleEvent(message.event)) listener(message.event, message.payload);
    };
    ipcRenderer.on('console:event', forward);
    return () => ipcRenderer.off('console:event', forward);
  },
  files: {
    /** Files the user dropped or picked: main registers their paths and answers tokens. */
    register: (files: File[]): Promise<unknown> => ipcRenderer.invoke('files:register', files.map((file) => webUtils.getPathForFile(file))),
    /** A native save dialog; a token for the chosen path, or null when cancelled. */
    saveTarget: (suggestedName: string): Promise<unknown> => ipcRenderer.invoke('files:save-target', suggestedName),
  },
});
