import { z } from 'zod';
import { queryFields } from '../audit-query/fields.ts';
import type { MethodTable } from './method.ts';

export const auditRow = z.object({
  seq: z.number().int(),
  id: z.string(),
  occurredAt: z.iso.datetime(),
  tenantId: z.string().nullable(),
  actorType: z.string(),
  actorId: z.string(),
  actorEmail: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditRow = z.infer<typeof auditRow>;

export const queryError = z.object({ message: z.string(), position: z.number().int(), length: z.number().int() });

export const auditSearchInput = z.object({
  q: z.string().max(2_000),
  /** Keyset cursor: rows with seq below this. */
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(1_000).default(200),
  withTotal: z.boolean().default(true),
});

export const auditSearchResult = z.object({
  rows: z.array(auditRow),
  /** null when not asked for, or when the query did not parse. */
  total: z.number().int().nullable(),
  nextBeforeSeq: z.number().int().nullable(),
  error: queryError.nullable(),
  /** Newest cached event the full-text index covers; text matches beyond it are not found yet. */
  textIndexedUpTo: z.number().int(),
  newestSeq: z.number().int().nullable(),
  tookMs: z.number(),
});
export type AuditSearchResult = z.infer<typeof auditSearchResult>;

const facetValues = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const auditFacets = z.object({
  actions: facetValues,
  actors: facetValues,
  tenants: facetValues,
  outcomes: facetValues,
  /** Facets count the newest matches up to this many. */
  sampledUpTo: z.number().int(),
});
export type AuditFacets = z.infer<typeof auditFacets>;

export const auditHistogram = z.object({
  bucketMs: z.number().int(),
  buckets: z.array(z.object({ at: z.number().int(), count: z.number().int() })),
});
export type AuditHistogram = z.infer<typeof auditHistogram>;

export const auditEventDetail = z.object({
  raw: z.string(),
  hashVerified: z.boolean(),
  computedHash: z.string(),
});
export type AuditEventDetail = z.infer<typeof auditEventDetail>;

export const auditMethods = {
  'audit/search': { input: auditSearchInput, output: auditSearchResult },
  'audit/facets': { input: z.object({ q: z.string().max(2_000) }).strict(), output: auditFacets },
  'audit/histogram': { input: z.object({ q: z.string().max(2_000), buckets: z.number().int().min(10).max(500).default(120) }).strict(), output: auditHistogram },
  'audit/event': { input: z.object({ seq: z.number().int().positive() }).strict(), output: auditEventDetail },
  'audit/suggest': {
    input: z.object({ field: z.enum(queryFields as [string, ...string[]]), prefix: z.string().max(200) }).strict(),
    output: z.object({ values: z.array(z.string()) }),
  },
} satisfies MethodTable;
