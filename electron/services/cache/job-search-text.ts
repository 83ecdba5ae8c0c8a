import type { Job } from '../../../shared/ops-api/index.ts';

/** What a failed job is found by: its id, name, tenant, reason and every value in its data. */
export function jobSearchText(job: Job): string {
  return [job.id, job.name, job.tenant_id ?? '', job.failed_reason ?? '', ...leaves(job.data)].join(' ');
}

function leaves(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).flatMap(leaves);
  return [String(value)];
}
