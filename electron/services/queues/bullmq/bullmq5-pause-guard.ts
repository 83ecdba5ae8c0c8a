import type { Queue } from 'bullmq';
import type { QueueAction } from '../../../../shared/console-api/index.ts';

/** The major version of the BullMQ that last opened the queue, from its meta; null when unrecorded. */
async function platformMajor(queue: Queue): Promise<{ major: number; version: string } | null> {
  const version = await queue.getVersion();
  const major = /^bullmq:(\d+)\./.exec(version ?? '')?.[1];
  return version === null || major === undefined ? null : { major: Number(major), version };
}

/**
 * Refuses what a platform on BullMQ 5 would lose. BullMQ 5 pauses a queue by renaming its 'wait'
 * list to 'paused' and resumes by renaming it back, over whatever 'wait' holds; BullMQ 6 pauses
 * with a flag only and always queues into 'wait'. So on such a queue a pause by this source, or
 * a retry while the platform has it paused, leaves jobs in 'wait' that the platform's next resume
 * drops. Resuming is safe: 6 moves the 'paused' list back into 'wait'.
 */
export async function refuseWhatBullmq5WouldDrop(queue: Queue, action: QueueAction): Promise<void> {
  if (action.kind === 'resume' || action.kind === 'remove-job') return;
  const platform = await platformMajor(queue);
  if (platform === null || platform.major >= 6) return;
  if (action.kind === 'pause') {
    throw new Error(`the platform runs ${platform.version}, whose resume would drop the jobs waiting under a BullMQ 6 pause; pause ${queue.name} with the platform's own tools.`);
  }
  if (await queue.isPaused()) {
    throw new Error(`${queue.name} is paused by ${platform.version}, whose resume would drop the jobs retried now; resume it first.`);
  }
}
