import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describeIssues, supportAccess } from '../../../shared/console-api/index.ts';
import { supportAccessRequest } from '../../../shared/ops-api/audit.ts';
import { writeFileAtomic } from '../atomic-write.ts';

/** An access not yet recorded by the platform, with the exact request and key every attempt sends. */
export const pendingAccess = z.object({
  access: supportAccess,
  idempotencyKey: z.string().min(1),
  request: supportAccessRequest,
});
export type PendingAccess = z.infer<typeof pendingAccess>;

const queueFile = z.object({ version: z.literal(1), pending: z.array(pendingAccess) });

export interface SupportAccessQueue {
  /** Oldest first. */
  list(): PendingAccess[];
  append(entry: PendingAccess): void;
  remove(accessId: string): void;
}

/**
 * Support accesses waiting for the platform, in the order they were given, in
 * `support-access-queue.json` in the data dir: written atomically before the first attempt,
 * so an access survives a restart and is sent again with the same Idempotency-Key.
 */
export function openSupportAccessQueue(dataDir: string): SupportAccessQueue {
  const path = join(dataDir, 'support-access-queue.json');
  let pending = load(path);

  function save(next: PendingAccess[]) {
    writeFileAtomic(path, `${JSON.stringify({ version: 1, pending: next }, null, 2)}\n`);
    pending = next;
  }

  return {
    list: () => pending,
    append: (entry) => save([...pending, entry]),
    remove: (accessId) => save(pending.filter((entry) => entry.access.id !== accessId)),
  };
}

function load(path: string): PendingAccess[] {
  if (!existsSync(path)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); fix it, or remove it to drop the support accesses not yet logged.`, { cause: error });
  }
  const parsed = queueFile.safeParse(raw);
  if (!parsed.success) throw new Error(`${path} is not a valid support-access queue: ${describeIssues(parsed.error)}`);
  return parsed.data.pending;
}
