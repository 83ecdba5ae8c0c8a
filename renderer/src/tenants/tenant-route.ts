import { routeHref } from '../app/route.ts';

export const tenantHref = (id: string) => routeHref('tenants', [id]);

/** The audit view filtered to this tenant's events. */
export const tenantAuditHref = (id: string) => routeHref('audit', [], { q: `tenant:${id}` });
