import { z } from 'zod';
import type { MethodTable } from './method.ts';

export const savedSearch = z.object({
  id: z.string(),
  name: z.string().trim().min(1).max(80),
  q: z.string().max(2_000),
  createdAt: z.iso.datetime(),
});
export type SavedSearch = z.infer<typeof savedSearch>;

/** The active profile's saved audit searches, newest first. */
export const savedSearches = z.object({ profileId: z.string().nullable(), searches: z.array(savedSearch) });
export type SavedSearches = z.infer<typeof savedSearches>;

export const searchesMethods = {
  'searches/list': { input: z.object({}).strict(), output: savedSearches },
  'searches/save': { input: z.object({ name: savedSearch.shape.name, q: savedSearch.shape.q }).strict(), output: savedSearches },
  'searches/delete': { input: z.object({ id: z.string() }).strict(), output: savedSearches },
} satisfies MethodTable;

export const searchesEvents = {
  'searches/changed': savedSearches,
};
