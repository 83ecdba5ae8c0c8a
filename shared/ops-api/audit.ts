import { z } from 'zod';
import { isoTime, listOf, limitParam, sha256Hex } from './common.ts';

export const auditActor = z.looseObject({
  type: z.enum(['user', 'api_key', 'system', 'support']),
  id: z.string(),
  email: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
});

const auditEventShape = {
  id: z.string().startsWith('evt_'),
  seq: z.number().int().min(1),
  occurred_at: isoTime,
  tenant_id: z.string().nullable(),
  actor: auditActor,
  action: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/),
  target: z.looseObject({ type: z.string(), id: z.string(), name: z.string().nullable().optional() }).nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  request_id: z.string().nullable(),
  changes: z.record(z.string(), z.looseObject({ before: z.unknown(), after: z.unknown() })).nullable(),
  metadata: z.record(z.string(), z.unknown()),
  prev_hash: sha256Hex,
  hash: sha256Hex,
};

/** Loose at every level: unknown members are part of the hashed content and must survive. */
export const auditEvent = z.looseObject(auditEventShape).meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEvent>;
/** The members every audit event has, without the index signature of unknown ones. */
export type AuditEventFields = z.output<z.ZodObject<typeof auditEventShape>>;

export const auditFeedQuery = z.object({
  after_seq: z.coerce.number().int().min(0).default(0),
  limit: limitParam,
});
export const auditFeed = z.object({ data: z.array(auditEvent), has_more: z.boolean() }).meta({ id: 'AuditFeed' });
export type AuditFeed = z.infer<typeof auditFeed>;

export const auditHead = z.object({ seq: z.number().int().min(0), hash: sha256Hex }).meta({ id: 'AuditHead' });
export type AuditHead = z.infer<typeof auditHead>;

export const auditSearchQuery = z.object({
  q: z.string().min(1).optional(),
  tenant_id: z.string().min(1).optional(),
  actor: z.string().min(1).optional().meta({ description: 'Actor id or email, exact.' }),
  action: z.string().min(1).optional().meta({ description: 'Exact action, or a prefix ending in a dot (e.g. "invoice.").' }),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  cursor: z.string().min(1).optional(),
  limit: limitParam,
});
export type AuditSearchQuery = z.infer<typeof auditSearchQuery>;
export const auditSearchPage = listOf(auditEvent).meta({ id: 'AuditSearchPage' });

export const auditKey = z.object({
  key_id: z.string(),
  alg: z.literal('ed25519'),
  public_key_pem: z.string().startsWith('-----BEGIN PUBLIC KEY-----'),
});
export type AuditKey = z.infer<typeof auditKey>;
export const auditKeys = z.object({ data: z.array(auditKey) }).meta({ id: 'AuditKeys' });

export const supportAccessRequest = z
  .object({ tenant_id: z.string().min(1), reason: z.string().min(3).max(500) })
  .strict()
  .meta({ id: 'SupportAccessRequest' });
export type SupportAccessRequest = z.infer<typeof supportAccessRequest>;
/** The body of 201: the audit event that records the access. */
export const supportAccessGrant = z.object({ event: auditEvent }).meta({ id: 'SupportAccessGrant' });
