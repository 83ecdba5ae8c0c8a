import type { ConsoleEvent, ConsoleResult } from '../../../shared/console-api/index.ts';

export type EventListener = (event: ConsoleEvent, payload: unknown) => void;

/** A file handed to the console host, named by token from then on. */
export interface SentFile {
  token: string;
  name: string;
  size: number;
}

/** How the renderer reaches the console API: Electron IPC or the web host's HTTP. */
export interface Transport {
  call(method: string, input: unknown): Promise<ConsoleResult>;
  onEvent(listener: EventListener): () => void;
  /** Called whenever the event stream (re)connects: events sent while it was down are lost. */
  onConnect(listener: () => void): () => void;
  /** Hands files the user chose to the host (uploads them to the web host); `onProgress` gets 0..1. */
  sendFiles(files: File[], onProgress?: (fraction: number) => void): Promise<SentFile[]>;
  /**
   * Where an export goes. Electron asks with a save dialog (a token, or null when cancelled);
   * the web host answers 'download': the finished file is then offered as a download.
   */
  exportDestination(suggestedName: string): Promise<string | null | 'download'>;
  /** Fetches a finished download (web host only). */
  download(token: string, name: string): void;
}
