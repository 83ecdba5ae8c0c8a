import type { Job as BullmqJob } from 'bullmq';
import type { Job, JobState } from '../../../../shared/ops-api/index.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isoOrNull = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

/** The tenant a job is for, where the platform put one in its data. */
function tenantOf(data: Record<string, unknown>): string | null {
  const tenant = data.tenant_id ?? data.tenantId;
  return typeof tenant === 'string' || (typeof tenant === 'number' && Number.isFinite(tenant)) ? String(tenant) : null;
}

/** A BullMQ job in the Ops API's shape. Its data stays as the platform stored it. */
export function toOpsJob(job: BullmqJob, state: JobState): Job {
  // The Ops API's data is an object; BullMQ takes any JSON value.
  const data = isRecord(job.data) ? job.data : { value: job.data };
  return {
    id: String(job.id),
    queue: job.queueName,
    name: job.name,
    tenant_id: tenantOf(data),
    state,
    attempts_made: job.attemptsMade,
    max_attempts: Math.max(1, job.opts.attempts ?? 1),
    created_at: new Date(job.timestamp).toISOString(),
    processed_at: isoOrNull(job.processedOn),
    finished_at: isoOrNull(job.finishedOn),
    failed_reason: job.failedReason || null,
    stacktrace: job.stacktrace ?? null,
    data,
  };
}
