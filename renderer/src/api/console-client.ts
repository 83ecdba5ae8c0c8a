import { ConsoleCallError, consoleMethodNames } from '../../../shared/console-api/index.ts';
import type { ConsoleApi, ConsoleEvent, EventPayload } from '../../../shared/console-api/index.ts';
import { httpTransport } from './http-transport.ts';
import { ipcTransport } from './ipc-transport.ts';
import type { PreloadBridge } from './ipc-transport.ts';
import type { Transport } from './transport.ts';

export interface ConsoleClient {
  api: ConsoleApi;
  files: Pick<Transport, 'sendFiles' | 'exportDestination' | 'download'>;
  on<E extends ConsoleEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onConnect(listener: () => void): () => void;
}

/** Picks the transport once: the preload bridge inside Electron, HTTP in a browser. */
export function createConsoleClient(): ConsoleClient {
  const bridge = (window as unknown as { opsdeck?: PreloadBridge }).opsdeck;
  return clientOver(bridge ? ipcTransport(bridge) : httpTransport());
}

function clientOver(transport: Transport): ConsoleClient {
  const api = Object.fromEntries(
    consoleMethodNames.map((method) => [
      method,
      async (input: unknown) => {
        const result = await transport.call(method, input);
        if (!result.ok) throw new ConsoleCallError(method, result);
        return result.value;
      },
    ]),
  ) as ConsoleApi;

  return {
    api,
    files: { sendFiles: transport.sendFiles, exportDestination: transport.exportDestination, download: transport.download },
    onConnect: (listener) => transport.onConnect(listener),
    on(event, listener) {
      return transport.onEvent((name, payload) => {
        if (name === event) listener(payload as EventPayload<typeof event>);
      });
    },
  };
}
