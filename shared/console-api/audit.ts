import { z } from 'zod';
import { queryFields } from '../audit-query/fields.ts';
import type { MethodTable } from './method.ts';
import { fileToken, sourceId } from './sources.ts';

export const auditRow = z.object({
  seq: z.number().int(),
  id: z.string(),
  occurredAt: z.iso.datetime(),
  tenantId: z.string().nullable(),
  /** The tenant's name from the cached tenants; null when the cache does not know the tenant. */
  tenantName: z.string().nullable(),
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

export const exportFormat = z.enum(['ndjson', 'csv', 'json']);
export type ExportFormat = z.infer<typeof exportFormat>;

export const queryError = z.object({ message: z.string(), position: z.number().int(), length: z.number().int() });

const query = z.string().max(2_000);
/** Which cache or imported source to read; the active profile's cache when absent. */
const source = sourceId.optional();

export const auditSearchInput = z.object({
  q: query,
  source,
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
  /** Seqs among these rows that the source's last verification found altered. */
  alteredSeqs: z.array(z.number().int()),
  tookMs: z.number(),
});
export type AuditSearchResult = z.infer<typeof auditSearchResult>;

/** A value with how many sampled matches have it; a tenant's `label` is its cached name. */
const facetValues = z.array(z.object({ value: z.string(), count: z.number().int(), label: z.string().nullable().optional() }));
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
  'audit/facets': { input: z.object({ q: query, source }).strict(), output: auditFacets },
  'audit/histogram': { input: z.object({ q: query, source, buckets: z.number().int().min(10).max(500).default(120) }).strict(), output: auditHistogram },
  'audit/event': { input: z.object({ seq: z.number().int().positive(), source }).strict(), output: auditEventDetail },
  'audit/suggest': {
    input: z.object({ field: z.enum(queryFields as [string, ...string[]]), prefix: z.string().max(200), source }).strict(),
    output: z.object({ values: z.array(z.string()) }),
  },
  /** Beyond the cache window: the same query on the platform's server-side search, newest first. */
  'audit/search-platform': {
    input: z.object({ q: query, source, cursor: z.string().max(500).optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({
      rows: z.array(auditRow),
      nextCursor: z.string().nullable(),
      /** The search covers events before this (the oldest cached event); null with an empty cache. */
      before: z.iso.datetime().nullable(),
      /** Parts of the query the platform cannot search by; nothing was searched. */
      unsupported: z.array(z.string()).nullable(),
    }),
  },
  'audit/export': {
    input: z
      .object({
        q: query,
        source,
        format: exportFormat,
        gzip: z.boolean().default(false),
        /** Electron: where the user chose to save; the web host offers the file as a download instead. */
        destination: fileToken.optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
} satisfies MethodTable;
