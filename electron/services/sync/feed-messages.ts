import { z } from 'zod';
import { opsConnection } from '../profiles/profile-connection.ts';
import type { CheckedPage } from './checked-page.ts';
import { method, workerProtocol } from '../workers/rpc/protocol.ts';

/**
 * The pages of a bulk load, split between feed workers: page j is the one after
 * `afterSeq + j * limit`, up to the one holding `headSeq`, and worker k reads every page j
 * with j % workers === k.
 */
export const feedPlan = z.object({
  afterSeq: z.number().int().min(0),
  headSeq: z.number().int().min(0),
  limit: z.number().int().positive(),
  workers: z.number().int().positive(),
});
export type FeedPlan = z.infer<typeof feedPlan>;

export function plannedPages({ afterSeq, headSeq, limit }: FeedPlan): number {
  return Math.ceil(Math.max(headSeq - afterSeq, 0) / limit);
}

/** A reading thread of a bulk load: fetches and checks the planned pages it is asked for. */
export const feedWorkerProtocol = workerProtocol({
  worker: 'sync-feed',
  data: z.object({
    connection: opsConnection,
    retry: z.object({ limit: z.number().int().min(0), maxRetryAfterMs: z.number().min(0) }),
    plan: feedPlan,
  }),
  methods: {
    /** Planned page `page`, checked; its rows' buffers are moved, not copied. */
    page: method<CheckedPage>()(z.object({ page: z.number().int().min(0) })),
  },
});
