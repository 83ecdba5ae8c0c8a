import type { Redis } from 'ioredis';

const metaSuffix = ':meta';

/** A prefix as a SCAN pattern matches it literally. */
const globEscaped = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');

/**
 * The names of the queues under a key prefix. BullMQ keeps no registry of queues, but every
 * queue a producer has opened has a `<prefix>:<name>:meta` hash. SCAN, not KEYS: KEYS blocks
 * a production Redis for as long as it walks every key.
 */
export async function findQueueNames(client: Redis, prefix: string): Promise<string[]> {
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${globEscaped(prefix)}:*${metaSuffix}`, 'COUNT', 1000);
    for (const key of keys) {
      const name = key.slice(prefix.length + 1, -metaSuffix.length);
      // A queue name has no ':' (BullMQ refuses one); a longer key is something else's meta.
      if (name !== '' && !name.includes(':')) names.add(name);
    }
    cursor = next;
  } while (cursor !== '0');
  return [...names].sort();
}
