import { z } from 'zod';
import { cents, currency, isoTime, listOf, pageQuery } from './common.ts';

export const tenantStatus = z.enum(['active', 'trialing', 'past_due', 'suspended', 'churned']);
export type TenantStatus = z.infer<typeof tenantStatus>;

export const tenantUsage = z.object({
  metric: z.string(),
  used: z.number().min(0),
  limit: z.number().min(0).nullable(),
  period_end: isoTime,
});
export type TenantUsage = z.infer<typeof tenantUsage>;

export const tenant = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    status: tenantStatus,
    plan: z.object({ id: z.string(), name: z.string() }),
    region: z.string(),
    seats: z.object({ used: z.number().int().min(0), limit: z.number().int().min(0) }),
    mrr_cents: cents.min(0),
    currency,
    created_at: isoTime,
    owner_email: z.string(),
    usage: z.array(tenantUsage).optional().meta({ description: 'Present on GET /v1/tenants/{id}.' }),
  })
  .meta({ id: 'Tenant' });
export type Tenant = z.infer<typeof tenant>;
export const tenantPage = listOf(tenant).meta({ id: 'TenantPage' });

export const tenantsQuery = pageQuery.extend({
  q: z.string().min(1).optional().meta({ description: 'Substring of name, slug, id or owner email.' }),
  plan: z.string().min(1).optional().meta({ description: 'Plan id or name, e.g. growth.' }),
  status: tenantStatus.optional(),
});
