import type { ActionContext, DemoLink, EventContent, UnsealedEvent } from './audit-actions.ts';
import { platformActions, requestContext, tenantActions } from './audit-actions.ts';
import type { Random } from './random.ts';
import type { DemoTenant } from './tenants.ts';
import { dayMs, iso } from './time.ts';

/** How far back the generated audit trail reaches. */
export const auditSpanMs = 365 * dayMs;

/**
 * `count` audit events spread over the year before `now`, oldest first, each by a tenant
 * that existed (and had not churned) at that moment, or by the platform itself.
 */
export function* generateAuditEvents(random: Random, tenants: DemoTenant[], count: number, now: number, linksOf: LinksOf = noLinks): Generator<UnsealedEvent> {
  const start = now - auditSpanMs;
  const step = auditSpanMs / count;
  let at = start;
  for (let index = 0; index < count; index++) {
    at += random.exponential(step);
    const time = Math.min(Math.round(at), now - (count - index));
    const tenant = tenantAt(random, tenants, time);
    const content = tenant === null ? random.weighted(platformActions)(random) : random.weighted(tenantActions)(contextFor(random, tenant, linksOf(tenant.id)));
    yield eventFrom(random, content, tenant?.id ?? null, time);
  }
}

export function eventFrom(random: Random, content: EventContent, tenantId: string | null, time: number): UnsealedEvent {
  const { via, extra, ...rest } = content;
  return {
    id: random.id('evt_', 20),
    occurred_at: iso(time),
    tenant_id: tenantId,
    actor: rest.actor,
    action: rest.action,
    target: rest.target,
    outcome: rest.outcome,
    ...requestContext(random, via ?? (rest.actor.type === 'api_key' ? 'api' : 'browser')),
    changes: rest.changes,
    metadata: rest.metadata,
    ...extra,
  };
}

/** A tenant live at `time`, or null (about 3% of events are platform-level). */
export function tenantAt(random: Random, tenants: DemoTenant[], time: number): DemoTenant | null {
  if (random.chance(0.03)) return null;
  for (let attempt = 0; attempt < 8; attempt++) {
    const tenant = random.pick(tenants);
    if (tenant.created_ms <= time && (tenant.ended_ms === null || tenant.ended_ms >= time)) return tenant;
  }
  return null;
}

/** A tenant's connections, by its id. */
export type LinksOf = (tenantId: string) => readonly DemoLink[];
const noLinks: LinksOf = () => [];

export function contextFor(random: Random, tenant: DemoTenant, links: readonly DemoLink[]): ActionContext {
  return { random, tenant, user: random.pick(tenant.users), other: random.pick(tenant.users), links };
}
