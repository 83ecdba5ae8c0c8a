import { consoleResult, isConsoleEvent } from '../../../shared/console-api/index.ts';
import type { ConsoleResult } from '../../../shared/console-api/index.ts';
import type { EventListener, SentFile, Transport } from './transport.ts';

/** The web host: POST /api/call/<method>, events over server-sent events at /api/events. */
export function httpTransport(): Transport {
  const listeners = new Set<EventListener>();
  const connectListeners = new Set<() => void>();
  let source: EventSource | null = null;

  function connect() {
    source = new EventSource('/api/events');
    source.onopen = () => {
      for (const listener of connectListeners) listener();
    };
    source.onmessage = (message: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
      if (!isConsoleEvent(event)) return;
      for (const listener of listeners) listener(event, payload);
    };
  }

  return {
    async call(method, input): Promise<ConsoleResult> {
      let response: Response;
      try {
        response = await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'failed', message: 'The console host is not reachable. Is `opsdeck serve` still running?' } };
      }
      const parsed = consoleResult.safeParse(await response.json().catch(() => null));
      if (parsed.success) return parsed.data;
      return { ok: false, error: { code: 'failed', message: `The console host answered ${response.status} ${response.statusText}.` } };
    },
    onEvent(listener) {
      listeners.add(listener);
      if (source === null) connect();
      return () => listeners.delete(listener);
    },
    onConnect(listener) {
      connectListeners.add(listener);
      return () => connectListeners.delete(listener);
    },
    async sendFiles(files, onProgress) {
      const total = files.reduce((sum, file) => sum + file.size, 0);
      let done = 0;
      const sent: SentFile[] = [];
      for (const file of files) {
        sent.push(await upload(file, (loaded) => onProgress?.(total === 0 ? 1 : (done + loaded) / total)));
        done += file.size;
      }
      return sent;
    },
    exportDestination: async () => 'download',
    download(token, name) {
      const link = document.createElement('a');
      link.href = `/api/files/${encodeURIComponent(token)}`;
      link.download = name;
      link.click();
    },
  };
}

/** POST /api/files with upload progress (fetch has none). */
function upload(file: File, onProgress: (loaded: number) => void): Promise<SentFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/files?${new URLSearchParams({ name: file.name }).toString()}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      const body = request.response as (SentFile & { error?: string }) | null;
      if (request.status === 200 && body !== null) resolve(body);
      else reject(new Error(`Uploading ${file.name} failed: ${body?.error ?? `${request.status} ${request.statusText}`}`));
    };
    request.onerror = () => reject(new Error(`Uploading ${file.name} failed: the console host is not reachable.`));
    request.send(file);
  });
}
