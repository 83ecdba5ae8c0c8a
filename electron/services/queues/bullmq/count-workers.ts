import type { Queue } from 'bullmq';
import { ReplyError } from 'ioredis';

/**
 * How many workers serve a queue, from Redis's CLIENT LIST; null when Redis refuses the command,
 * as managed services may. BullMQ answers an unknown CLIENT command with one made-up worker (it
 * lacks the `rawname` of a listed client) and throws any other refusal, such as an ACL's NOPERM.
 */
export async function countWorkers(queue: Queue): Promise<number | null> {
  try {
    const workers = await queue.getWorkers();
    return workers.every((worker) => 'rawname' in worker) ? workers.length : null;
  } catch (error) {
    if (error instanceof ReplyError) return null;
    throw error;
  }
}
