import type { ConsoleEvent, ConsoleResult } from '../../../shared/console-api/index.ts';

export type EventListener = (event: ConsoleEvent, payload: unknown) => void;

/** How the renderer reaches the console API: Electron IPC or the web host's HTTP. */
export interface Transport {
  call(method: string, input: unknown): Promise<ConsoleResult>;
  onEvent(listener: EventListener): () => void;
  /** Called whenever the event stream (re)connects: events sent while it was down are lost. */
  onConnect(listener: () => void): () => void;
}
