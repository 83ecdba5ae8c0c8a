import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * Retries the listed failed jobs in one script per thousand, the way BullMQ's own bulk retry
 * (queue.retryJobs, its moveJobsToWait script) retries a whole state: clear the finish fields,
 * move failed → wait, note a "waiting" event, and set the marker workers wait on unless the queue
 * is paused or at its concurrency. `retryJobs` cannot take a list, and retrying job by job runs a
 * script and a read per job: several times slower for a group of thousands.
 *
 * A job in a flow (it has a parent) or with a priority is left to BullMQ's Job.retry, which also
 * updates its parent or its priority set. An id no longer failed is not touched.
 */
const retryFailedLua = `
local rcall = redis.call
local retried, left = {}, {}
for _, id in ipairs(ARGV) do
  if rcall('ZSCORE', KEYS[2], id) then
    local jobKey = KEYS[1] .. id
    local job = rcall('HMGET', jobKey, 'parentKey', 'priority')
    if job[1] or (tonumber(job[2]) or 0) > 0 then
      left[#left + 1] = id
    else
      rcall('HDEL', jobKey, 'finishedOn', 'processedOn', 'failedReason')
      retried[#retried + 1] = id
    end
  end
end
if #retried > 0 then
  rcall('ZREM', KEYS[2], unpack(retried))
  rcall('LPUSH', KEYS[3], unpack(retried))
  local maxEvents = rcall('HGET', KEYS[4], 'opts.maxLenEvents') or 10000
  for _, id in ipairs(retried) do
    rcall('XADD', KEYS[7], 'MAXLEN', '~', maxEvents, '*', 'event', 'waiting', 'jobId', id, 'prev', 'failed')
  end
  local meta = rcall('HMGET', KEYS[4], 'paused', 'concurrency')
  local pausedOrMaxed = meta[1] or (meta[2] and rcall('LLEN', KEYS[5]) >= tonumber(meta[2]))
  if not pausedOrMaxed then rcall('ZADD', KEYS[6], 0, '0') end
end
return { retried, left }
`;

const scriptName = 'opsdeckRetryListedFailed';
/** Ids per script call: about a millisecond of Redis's time each, so other clients are not held up. */
const batchSize = 1_000;

type RetryScript = (...keysAndIds: string[]) => Promise<[string[], string[]]>;

/** Retries the listed jobs that are still failed; resolves to those retried at once and those left to Job.retry. */
export async function retryListedFailed(queue: Queue, client: Redis, ids: readonly string[]): Promise<{ retried: string[]; left: string[] }> {
  if (!(scriptName in client)) client.defineCommand(scriptName, { numberOfKeys: 7, lua: retryFailedLua });
  const run = (client as unknown as Record<typeof scriptName, RetryScript>)[scriptName].bind(client);
  const keys = [queue.toKey(''), queue.toKey('failed'), queue.toKey('wait'), queue.keys.meta!, queue.keys.active!, queue.keys.marker!, queue.keys.events!];
  const retried: string[] = [];
  const left: string[] = [];
  for (let start = 0; start < ids.length; start += batchSize) {
    const [batchRetried, batchLeft] = await run(...keys, ...ids.slice(start, start + batchSize));
    retried.push(...batchRetried);
    left.push(...batchLeft);
  }
  return { retried, left };
}
