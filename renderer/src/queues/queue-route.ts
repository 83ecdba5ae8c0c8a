import { routeHref, useRoute } from '../app/route.ts';

// #/queues is the overview; #/queues/<name> one queue's detail.
export const queueHref = (name: string | null) => routeHref('queues', name === null ? [] : [name]);

/** The queue whose detail is open, from the address; null on the overview. */
export function useOpenQueue(): string | null {
  const { section, path } = useRoute();
  return section === 'queues' && path.length > 0 ? path.join('/') : null;
}
