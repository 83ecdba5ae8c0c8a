import { useEffect, useState } from 'react';
import type { SyncResource } from '../../../shared/console-api/index.ts';
import { useConsole } from './ConsoleContext.tsx';
import type { Loadable } from './useConsoleValue.ts';

/**
 * A read of cached data, made again whenever the sync changes one of `resources` (or `key`
 * changes): the view always shows what the cache holds now. A failed reload keeps the last value.
 */
export function useCachedQuery<T>(load: () => Promise<T>, resources: readonly SyncResource[], key: string): Loadable<T> {
  const { on } = useConsole();
  const [state, setState] = useState<{ key: string; value: T } | { key: string; error: string } | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => on('cache/changed', ({ resource }) => resources.includes(resource) && setVersion((count) => count + 1)), [on, resources]);

  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ key, value }),
      (error: Error) => live && setState((current) => (current !== null && current.key === key && 'value' in current ? current : { key, error: error.message })),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; the key and the cache's version decide when to read again.
  }, [key, version]);

  if (state === null || state.key !== key) return { status: 'loading' };
  if ('error' in state) return { status: 'error', message: state.error, retry: () => setVersion((count) => count + 1) };
  return { status: 'ready', value: state.value, set: (value) => setState({ key, value }) };
}
