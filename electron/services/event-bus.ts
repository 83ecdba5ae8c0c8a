import type { ConsoleEvent, EventPayload } from '../../shared/console-api/index.ts';

export type EventListener = <E extends ConsoleEvent>(event: E, payload: EventPayload<E>) => void;

/** Fan-out of console events from the services to every connected window or browser tab. */
export interface EventBus {
  emit<E extends ConsoleEvent>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
