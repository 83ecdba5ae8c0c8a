import { z } from 'zod';
import { isoTime, listOf, pageQuery } from './common.ts';

export const jobState = z.enum(['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized']);
export type JobState = z.infer<typeof jobState>;

export const queue = z
  .object({
    name: z.string(),
    paused: z.boolean(),
    workers: z.number().int().min(0),
    counts: z.object({
      waiting: z.number().int().min(0),
      active: z.number().int().min(0),
      delayed: z.number().int().min(0),
      failed: z.number().int().min(0),
      completed: z.number().int().min(0),
      prioritized: z.number().int().min(0),
    }),
    throughput_per_min: z.number().min(0),
    failed_per_min: z.number().min(0),
    oldest_waiting_age_ms: z.number().int().min(0).nullable(),
    processing_ms_p50: z.number().min(0).nullable(),
    processing_ms_p95: z.number().min(0).nullable(),
    sampled_at: isoTime,
  })
  .meta({ id: 'Queue' });
export type Queue = z.infer<typeof queue>;
export const queueList = z.object({ data: z.array(queue) }).meta({ id: 'QueueList' });

export const job = z
  .object({
    id: z.string(),
    queue: z.string(),
    name: z.string(),
    tenant_id: z.string().nullable(),
    state: jobState,
    attempts_made: z.number().int().min(0),
    max_attempts: z.number().int().min(1),
    created_at: isoTime,
    processed_at: isoTime.nullable(),
    finished_at: isoTime.nullable(),
    failed_reason: z.string().nullable(),
    stacktrace: z.array(z.string()).nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof job>;
export const jobPage = listOf(job).meta({ id: 'JobPage' });

export const jobsQuery = pageQuery.extend({
  state: jobState.optional(),
  tenant_id: z.string().min(1).optional(),
});

export const metricsQuery = z.object({
  from: isoTime.optional().meta({ description: 'Default: 24 hours before `to`.' }),
  to: isoTime.optional().meta({ description: 'Default: now.' }),
  step_s: z.coerce.number().int().min(10).max(86_400).default(300),
});

export const queueMetricPoint = z.object({
  at: isoTime,
  waiting: z.number().int().min(0),
  active: z.number().int().min(0),
  delayed: z.number().int().min(0),
  failed: z.number().int().min(0),
  completed_per_min: z.number().min(0),
  failed_per_min: z.number().min(0),
  oldest_waiting_age_ms: z.number().int().min(0).nullable(),
});
export type QueueMetricPoint = z.infer<typeof queueMetricPoint>;
export const queueMetrics = z
  .object({ step_s: z.number().int(), points: z.array(queueMetricPoint) })
  .meta({ id: 'QueueMetrics' });
export type QueueMetrics = z.infer<typeof queueMetrics>;

export const jobRetried = z.object({ job }).meta({ id: 'JobRetried' });
export const failedRetried = z.object({ retried: z.number().int().min(0) }).meta({ id: 'FailedRetried' });
export const queueChanged = z.object({ queue }).meta({ id: 'QueueChanged' });
