import { z } from 'zod';
import { verifyReport } from '../audit/verify-report.ts';
import type { MethodTable } from './method.ts';

/** `profile:<profileId>` for a profile's cache, `import:<slug>` for an imported offline source. */
export const sourceId = z.string().regex(/^(profile|import):[\w-]+$/, "a source id is 'profile:<id>' or 'import:<name>'");
export type SourceId = z.infer<typeof sourceId>;

export const sourceVerification = z.object({
  checkedAt: z.iso.datetime(),
  intact: z.boolean(),
  /** e.g. "250,000 events, seq 1..250,000: intact" or "2 problems: 1 altered, 1 missing range" */
  summary: z.string(),
});
export type SourceVerification = z.infer<typeof sourceVerification>;

export const auditSource = z.object({
  id: sourceId,
  kind: z.enum(['profile', 'import']),
  name: z.string(),
  events: z.number().int(),
  firstSeq: z.number().int().nullable(),
  lastSeq: z.number().int().nullable(),
  /** Imported sources: when, and from which files. */
  importedAt: z.iso.datetime().nullable(),
  files: z.array(z.object({ name: z.string(), format: z.string(), events: z.number().int(), skipped: z.number().int() })),
  /** False when the events carry no hashes (imported from CSV). */
  verifiable: z.boolean(),
  verification: sourceVerification.nullable(),
});
export type AuditSource = z.infer<typeof auditSource>;

export const auditSources = z.object({ sources: z.array(auditSource) });
export type AuditSources = z.infer<typeof auditSources>;

/** A file the renderer handed over (uploaded to the web host, or picked/dropped in Electron). */
export const fileToken = z.string().regex(/^[\w-]{16,64}$/);

export const sourcesMethods = {
  'sources/list': { input: z.object({}).strict(), output: auditSources },
  'sources/import': {
    input: z.object({ files: z.array(fileToken).min(1).max(100), name: z.string().trim().min(1).max(80), skipInvalid: z.boolean().default(false) }).strict(),
    output: z.object({ jobId: z.string() }),
  },
  'sources/verify': { input: z.object({ source: sourceId }).strict(), output: z.object({ jobId: z.string() }) },
  'sources/report': { input: z.object({ source: sourceId }).strict(), output: z.object({ report: verifyReport.nullable(), checkedAt: z.iso.datetime().nullable() }) },
  'sources/remove': { input: z.object({ source: sourceId }).strict(), output: auditSources },
} satisfies MethodTable;

export const sourcesEvents = {
  'sources/changed': auditSources,
};
