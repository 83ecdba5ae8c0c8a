import type { ConsoleResult } from '../../../shared/console-api/index.ts';
import type { EventListener, SentFile, Transport } from './transport.ts';

/** What preload/index.ts exposes on window.opsdeck. */
export interface PreloadBridge {
  methods: Record<string, (input: unknown) => Promise<ConsoleResult>>;
  onEvent(listener: EventListener): () => void;
  files: {
    register(files: File[]): Promise<SentFile[]>;
    saveTarget(suggestedName: string): Promise<string | null>;
  };
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    call(method, input) {
      const invoke = bridge.methods[method];
      if (invoke === undefined) {
        return Promise.resolve({ ok: false, error: { code: 'unknown-method', message: `Unknown console method '${method}'.` } });
      }
      return invoke(input);
    },
    onEvent: (listener) => bridge.onEvent(listener),
    // IPC events cannot be missed: there is no connection to lose.
    onConnect: () => () => {},
    // Electron reads the files where they are: nothing to upload.
    sendFiles: (files) => bridge.files.register(files),
    exportDestination: (suggestedName) => bridge.files.saveTarget(suggestedName),
    download: () => {
      throw new Error('Electron saves exports where the user chose; there is nothing to download.');
    },
  };
}
