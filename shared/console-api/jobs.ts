import { z } from 'zod';
import type { MethodTable } from './method.ts';

/** One phase of a long job (an import's reading, field indexes, full text, verification). */
export const jobStep = z.object({
  label: z.string(),
  state: z.enum(['waiting', 'running', 'done']),
  /** 0..1 when known. */
  progress: z.number().min(0).max(1).nullable(),
  detail: z.string().nullable(),
});
export type JobStep = z.infer<typeof jobStep>;

/** Long work the main side does for the renderer: imports, exports, verifications. */
export const job = z.object({
  id: z.string(),
  kind: z.enum(['import', 'export', 'verify']),
  /** e.g. "Importing audit-2026-11.ndjson" */
  label: z.string(),
  /** The source the job reads or makes, when known. */
  subject: z.string().nullable(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** 0..1 when known. */
  progress: z.number().min(0).max(1).nullable(),
  detail: z.string().nullable(),
  /** Its phases in order, each with its own progress; empty for a job of one phase. */
  steps: z.array(jobStep),
  error: z.string().nullable(),
  /** What a finished job made: a downloadable file (web host), a saved file, a source. */
  result: z
    .object({
      /** Web host: files to fetch from /api/files/<token> (an export and its manifest). */
      downloads: z.array(z.object({ token: z.string(), name: z.string() })),
      savedTo: z.string().nullable(),
      sourceId: z.string().nullable(),
    })
    .nullable(),
});
export type Job = z.infer<typeof job>;

export const jobsMethods = {
  'jobs/list': { input: z.object({}).strict(), output: z.object({ jobs: z.array(job) }) },
  'jobs/cancel': { input: z.object({ jobId: z.string() }).strict(), output: z.object({ jobs: z.array(job) }) },
  'jobs/dismiss': { input: z.object({ jobId: z.string() }).strict(), output: z.object({ jobs: z.array(job) }) },
} satisfies MethodTable;

export const jobsEvents = {
  'jobs/changed': z.object({ jobs: z.array(job) }),
};
