import { z } from 'zod';
import { job, jobState } from '../ops-api/queues.ts';
import type { MethodTable } from './method.ts';

const count = z.number().int().min(0);
const queueName = z.string().min(1).max(200);

/** Why a queue is in trouble; the overview sorts by how many apply, then by age and failure rate. */
export const queueFlag = z.enum(['paused', 'no-workers', 'backing-up', 'old-waiting', 'failing']);
export type QueueFlag = z.infer<typeof queueFlag>;

export const queueSummary = z.object({
  name: z.string(),
  paused: z.boolean(),
  /** null: the source cannot tell (a Redis that refuses CLIENT LIST). */
  workers: count.nullable(),
  counts: z.object({ waiting: count, active: count, delayed: count, failed: count, completed: count, prioritized: count }),
  completedPerMin: z.number(),
  failedPerMin: z.number(),
  /** Failed of finished, per minute, 0..1. */
  failureRate: z.number().min(0).max(1),
  oldestWaitingAgeMs: count.nullable(),
  /** Waiting now minus waiting 15 minutes before (of the cached samples). */
  depthGrowth: z.number(),
  /** Waiting jobs per minute over the hour before the latest sample, oldest first. */
  sparkline: z.array(z.number()),
  flags: z.array(queueFlag),
  sampledAt: z.iso.datetime(),
});
export type QueueSummary = z.infer<typeof queueSummary>;

export const queueHistoryPoint = z.object({
  at: z.number().int(),
  waiting: z.number(),
  active: z.number(),
  delayed: z.number(),
  failed: z.number(),
  completedPerMin: z.number(),
  failedPerMin: z.number(),
  oldestWaitingAgeMs: z.number().nullable(),
});
export type QueueHistoryPoint = z.infer<typeof queueHistoryPoint>;

export const failureGroup = z.object({
  /** The normalised reason: ids, numbers, hosts, e-mails and UUIDs masked. */
  reason: z.string(),
  /** One real reason of the group, as a job gave it. */
  example: z.string().nullable(),
  count,
  firstSeen: z.iso.datetime().nullable(),
  lastSeen: z.iso.datetime().nullable(),
  exampleIds: z.array(z.string()),
});
export type FailureGroup = z.infer<typeof failureGroup>;

export const failedJobRow = z.object({
  id: z.string(),
  name: z.string(),
  tenantId: z.string().nullable(),
  reason: z.string().nullable(),
  attemptsMade: count,
  finishedAt: z.iso.datetime().nullable(),
});
export type FailedJobRow = z.infer<typeof failedJobRow>;

const jobId = z.string().min(1).max(500);

/**
 * What an on-call engineer may do to a queue. A group retry names the jobs the user saw, so it
 * never acts on whatever has failed since; retrying every failed job says how many were shown.
 */
export const queueAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('retry-job'), queue: queueName, id: jobId }),
  z.object({ kind: z.literal('remove-job'), queue: queueName, id: jobId }),
  z.object({ kind: z.literal('retry-jobs'), queue: queueName, group: z.string().max(500), ids: z.array(jobId).min(1).max(100_000) }),
  z.object({ kind: z.literal('retry-all-failed'), queue: queueName, shown: count }),
  z.object({ kind: z.literal('pause'), queue: queueName }),
  z.object({ kind: z.literal('resume'), queue: queueName }),
]);
export type QueueAction = z.infer<typeof queueAction>;

export const actionResult = z.object({
  ok: z.boolean(),
  /** Jobs retried or removed; for pause and resume, 1. */
  done: count,
  failed: count,
  /** What happened, in words, e.g. "Retried 1,204 jobs; 3 had already left the failed state". */
  message: z.string(),
});
export type ActionResult = z.infer<typeof actionResult>;

export const actionLogEntry = z.object({
  at: z.iso.datetime(),
  /** Who the profile's token belongs to, as the platform said. */
  who: z.string(),
  profile: z.string(),
  environment: z.string(),
  what: z.string(),
  result: z.string(),
  ok: z.boolean(),
});
export type ActionLogEntry = z.infer<typeof actionLogEntry>;

/** Whether queue actions are offered: absent without the scope, disabled with a reason offline. */
export const queueCapabilities = z.object({
  /** The token may act (Ops API: queues:write). */
  allowed: z.boolean(),
  /** Why acting is not possible now (offline, no profile), or null. */
  disabledReason: z.string().nullable(),
  profile: z.string().nullable(),
  environment: z.string().nullable(),
});
export type QueueCapabilities = z.infer<typeof queueCapabilities>;

export const queueAlertKind = z.enum(['backing-up', 'old-waiting', 'failing']);
export type QueueAlertKind = z.infer<typeof queueAlertKind>;

/** An open incident: a queue past one of its thresholds since `since`. */
export const queueAlert = z.object({ queue: z.string(), kind: queueAlertKind, message: z.string(), since: z.iso.datetime() });
export type QueueAlert = z.infer<typeof queueAlert>;

/** A crossing or a recovery: what a desktop notification says, once per incident. */
export const queueAlertNotice = z.object({
  /** Unique per notice: a notification is shown once per id. */
  id: z.string(),
  queue: z.string(),
  kind: queueAlertKind,
  state: z.enum(['raised', 'recovered']),
  message: z.string(),
  at: z.iso.datetime(),
});
export type QueueAlertNotice = z.infer<typeof queueAlertNotice>;

export const queueAlertsState = z.object({ open: z.array(queueAlert), latest: queueAlertNotice.nullable() });
export type QueueAlertsState = z.infer<typeof queueAlertsState>;

/** Keyset cursor of the failed-jobs list: newest finished first. */
const failedJobsCursor = z.object({ finishedAt: z.number().int().nullable(), id: z.string() });

export const queuesMethods = {
  'queues/overview': {
    input: z.object({}).strict(),
    output: z.object({ queues: z.array(queueSummary) }),
  },
  /** The cached samples of [from, to) at the resolution that gives at most `points` points. */
  'queues/history': {
    input: z.object({ queue: queueName, from: z.number().int(), to: z.number().int(), points: z.number().int().min(10).max(2_000).default(400) }).strict(),
    output: z.object({ stepMs: z.number().int(), points: z.array(queueHistoryPoint) }),
  },
  'queues/failure-groups': {
    input: z.object({ queue: queueName }).strict(),
    output: z.object({ groups: z.array(failureGroup), total: count }),
  },
  /** Failed jobs of a queue, newest first: of one group, or matching a search of their data and reason. */
  'queues/failed-jobs': {
    input: z
      .object({ queue: queueName, group: z.string().max(500).optional(), q: z.string().max(500).optional(), after: failedJobsCursor.optional(), limit: z.number().int().min(1).max(1_000).default(200) })
      .strict(),
    output: z.object({ jobs: z.array(failedJobRow), next: failedJobsCursor.nullable() }),
  },
  /** One cached failed job whole: data (as the platform redacted it), attempts, times, stack trace. */
  'queues/job': {
    input: z.object({ queue: queueName, id: z.string().min(1).max(500) }).strict(),
    output: job,
  },
  /** Every id of a failure group as cached now: what a group retry will act on. */
  'queues/group-job-ids': {
    input: z.object({ queue: queueName, group: z.string().max(500) }).strict(),
    output: z.object({ ids: z.array(z.string()) }),
  },
  /** Jobs in another state, live from the source (not cached): newest first, a page at a time. */
  'queues/jobs': {
    input: z.object({ queue: queueName, state: jobState, cursor: z.string().max(2_000).nullable().default(null), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.object({ jobs: z.array(job), next: z.string().nullable() }),
  },
  'queues/capabilities': { input: z.object({}).strict(), output: queueCapabilities },
  /** Acts on the platform (with an Idempotency-Key), logs it, and syncs the queues again. */
  'queues/act': { input: queueAction, output: actionResult },
  'queues/alerts': { input: z.object({}).strict(), output: queueAlertsState },
  'queues/action-log': { input: z.object({ limit: z.number().int().min(1).max(1_000).default(100) }).strict(), output: z.object({ entries: z.array(actionLogEntry) }) },
} satisfies MethodTable;

export const queuesEvents = {
  /** An alert was raised or recovered; `latest` says which. */
  'queues/alerts': queueAlertsState,
};
