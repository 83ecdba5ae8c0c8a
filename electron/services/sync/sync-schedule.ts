/** How often each resource is refreshed, and how far back the audit cache reaches. */
export interface SyncSchedule {
  auditMs: number;
  queuesMs: number;
  failedJobsMs: number;
  directoryMs: number;
  billingMs: number;
  statusMs: number;
  pruneMs: number;
  /** A first sync starts this far back; the prune drops what grows older. */
  auditWindowDays: number;
}

export const defaultSchedule: SyncSchedule = {
  auditMs: 2_000,
  queuesMs: 10_000,
  failedJobsMs: 60_000,
  directoryMs: 300_000,
  billingMs: 900_000,
  statusMs: 30_000,
  pruneMs: 3_600_000,
  auditWindowDays: 90,
};
