import { consoleResult, isConsoleEvent } from '../../../shared/console-api/index.ts';
import type { ConsoleResult } from '../../../shared/console-api/index.ts';
import type { EventListener, Transport } from './transport.ts';

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
  };
}
