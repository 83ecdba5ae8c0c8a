import { z } from 'zod';
import type { MethodTable } from './method.ts';

/** Why someone opens a tenant's page: what support access is logged with. */
export const supportReasonCategory = z.enum(['customer_ticket', 'incident', 'billing_question', 'other']);
export type SupportReasonCategory = z.infer<typeof supportReasonCategory>;

export const supportReasonLabels: Record<SupportReasonCategory, string> = {
  customer_ticket: 'Customer ticket',
  incident: 'Incident',
  billing_question: 'Billing question',
  other: 'Other',
};

export const supportReasonTextMax = 200;

export const supportReason = z
  .object({
    category: supportReasonCategory,
    /** A ticket number, incident id or a few words; required for "other". */
    text: z.string().trim().max(supportReasonTextMax, `at most ${supportReasonTextMax} characters`),
  })
  .strict()
  .refine((reason) => reason.category !== 'other' || reason.text.length >= 3, {
    path: ['text'],
    message: 'required for "Other": say why in at least 3 characters',
  });
export type SupportReason = z.infer<typeof supportReason>;

/** The reason as the platform records it (SupportAccessRequest.reason), e.g. "Customer ticket: 4411". */
export function supportReasonWire(reason: SupportReason): string {
  const label = supportReasonLabels[reason.category];
  return reason.text === '' ? label : `${label}: ${reason.text}`;
}

/** The reason in a banner, e.g. "ticket 4411", "incident INC-7", "billing question". */
export function supportReasonSummary(reason: SupportReason): string {
  const noun = { customer_ticket: 'ticket', incident: 'incident', billing_question: 'billing question', other: '' }[reason.category];
  if (reason.text === '') return noun === 'ticket' ? 'customer ticket' : noun;
  return noun === '' ? reason.text : `${noun} ${reason.text}`;
}

/** A profile's support-access settings. The prompt can be turned off only outside prod. */
export const supportAccessSettings = z.object({
  prompt: z.boolean(),
  durationMinutes: z.number().int().min(1).max(720),
});
export type SupportAccessSettings = z.infer<typeof supportAccessSettings>;
export const defaultSupportAccessSettings: SupportAccessSettings = { prompt: true, durationMinutes: 30 };

/**
 * One look at one tenant, for a while. `logged`: the platform recorded it (eventId set);
 * `queued`: the platform was unreachable, it is sent when it is back; `failed`: the platform
 * refused it (error says why), so the look is not logged.
 */
export const supportAccess = z.object({
  id: z.string(),
  profileId: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  /** Null when the profile turned the prompt off. */
  reason: supportReason.nullable(),
  state: z.enum(['logged', 'queued', 'failed']),
  grantedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** The platform's support.access event, once logged. */
  eventId: z.string().nullable(),
  /** An audit query that finds that event, once logged. */
  auditQuery: z.string().nullable(),
  error: z.string().nullable(),
});
export type SupportAccess = z.infer<typeof supportAccess>;

const tenantRef = { tenantId: z.string().min(1).max(200), tenantName: z.string().min(1).max(200) };

export const supportAccessView = z.object({
  /** The current (unexpired) access to this tenant in this session, if any. */
  access: supportAccess.nullable(),
  /** False when the active profile turned the prompt off (never for prod). */
  promptRequired: z.boolean(),
  durationMinutes: z.number().int(),
});
export type SupportAccessView = z.infer<typeof supportAccessView>;

export const supportAccessMethods = {
  /** The active profile's access to a tenant; null access means the page must ask first. */
  'supportAccess/get': { input: z.object({ tenantId: tenantRef.tenantId }).strict(), output: supportAccessView },
  /** Logs (or queues) access to a tenant for the profile's set time. A null reason only when the prompt is off. */
  'supportAccess/open': { input: z.object({ ...tenantRef, reason: supportReason.nullable() }).strict(), output: supportAccess },
} satisfies MethodTable;

export const supportAccessEvents = {
  /** An access changed state: queued, logged once the platform was back, or refused. */
  'supportAccess/changed': supportAccess,
};
