import { useEffect, useRef, useState } from 'react';
import type { SyncResource } from '../../../shared/console-api/index.ts';
import { useConsole } from './ConsoleContext.tsx';
import type { Loadable } from './useConsoleValue.ts';

/**
 * A read of cached data, made again whenever the sync changes one of `resources` (or `key`
 * changes): the view always shows what the cache holds now. A failed reload keeps the last value.
 *
 * The read starts while the view renders, not after it is painted: opening a view with heavy
 * content (a chart, a long table) overlaps its request with that first render and paint.
 */
export function useCachedQuery<T>(load: () => Promise<T>, resources: readonly SyncResource[], key: string): Loadable<T> {
  const { on } = useConsole();
  const [state, setState] = useState<{ key: string; value: T } | { key: string; error: string } | null>(null);
  const [version, setVersion] = useState(0);
  const request = useRef<{ key: string; version: number; answer: Promise<T> } | null>(null);
  if (request.current === null || request.current.key !== key || request.current.version !== version) {
    request.current = { key, version, answer: load() };
    // Heard by the effect below; a request no render committed (e.g. an interrupted one) is not an unhandled rejection.
    request.current.answer.catch(() => {});
  }
  const { answer } = request.current;

  useEffect(() => on('cache/changed', ({ resource }) => resources.includes(resource) && setVersion((count) => count + 1)), [on, resources]);

  useEffect(() => {
    let live = true;
    answer.then(
      (value) => live && setState({ key, value }),
      (error: Error) => live && setState((current) => (current !== null && current.key === key && 'value' in current ? current : { key, error: error.message })),
    );
    return () => {
      live = false;
    };
  }, [answer, key]);

  if (state === null || state.key !== key) return { status: 'loading' };
  if ('error' in state) return { status: 'error', message: state.error, retry: () => setVersion((count) => count + 1) };
  return { status: 'ready', value: state.value, set: (value) => setState({ key, value }) };
}
