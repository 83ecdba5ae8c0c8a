import { useCallback, useEffect, useState } from 'react';
import type { ConsoleEvent, EventPayload } from '../../../shared/console-api/index.ts';
import { useConsole } from './ConsoleContext.tsx';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; value: T; set: (value: T) => void };

/** A value loaded once from the console API and replaced whenever its change event arrives. */
export function useConsoleValue<E extends ConsoleEvent>(load: () => Promise<EventPayload<E>>, event: E): Loadable<EventPayload<E>> {
  const { on, onConnect } = useConsole();
  const [value, setValue] = useState<EventPayload<E> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    // An event that arrives while the first load is in flight is newer than its answer.
    let pushed = false;
    const unsubscribe = on(event, (payload) => {
      pushed = true;
      setValue(payload);
    });
    load().then(
      (loaded) => live && !pushed && setValue(loaded),
      (failure: Error) => live && !pushed && setError(failure.message),
    );
    return () => {
      live = false;
      unsubscribe();
    };
    // `load` is a fresh closure each render; the event and the attempt decide when to reload.
  }, [on, event, attempt]);

  // Reload after the event stream (re)connects: a change may have been pushed while it was down.
  useEffect(() => onConnect(() => setAttempt((count) => count + 1)), [onConnect]);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((count) => count + 1);
  }, []);

  if (value !== null) return { status: 'ready', value, set: setValue };
  if (error !== null) return { status: 'error', message: error, retry };
  return { status: 'loading' };
}
