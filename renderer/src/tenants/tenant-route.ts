import { routeHref } from '../app/route.ts';

export const tenantHref = (id: string) => routeHref('tenants', [id]);

/** The link that opens this tenant's page from outside the app (a chat, a ticket). */
export const tenantDeepLink = (id: string) => `opsdeck://tenant/${encodeURIComponent(id)}`;

/** The audit view filtered to this tenant's events. */
export const tenantAuditHref = (id: string) => routeHref('audit', [], { q: `tenant:${id}` });
