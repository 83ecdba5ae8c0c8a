import type { ConsoleResult } from '../../../shared/console-api/index.ts';
import type { EventListener, Transport } from './transport.ts';

/** What preload/index.ts exposes on window.opsdeck. */
export interface PreloadBridge {
  methods: Record<string, (input: unknown) => Promise<ConsoleResult>>;
  onEvent(listener: EventListener): () => void;
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
  };
}
