import { useCallback, useRef } from 'react';

/**
 * A callback that keeps its identity across renders but always calls the latest `fn`, so a
 * memoized child that only calls it on a user's action is not redrawn when `fn` changes.
 */
export function useStableCallback<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}
