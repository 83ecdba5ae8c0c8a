import { useSyncExternalStore } from 'react';

// #/queues is the overview; #/queues/<name> one queue's detail.
function currentQueue(): string | null {
  const match = /^#\/queues\/(.+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]!) : null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export const queueHref = (name: string | null) => (name === null ? '#/queues' : `#/queues/${encodeURIComponent(name)}`);

/** The queue whose detail is open, from the address; null on the overview. */
export function useOpenQueue(): string | null {
  return useSyncExternalStore(subscribe, currentQueue);
}
