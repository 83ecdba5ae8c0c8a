import type { AuditEventFields } from '../../shared/ops-api/index.ts';
import { apiUserAgents, cities, planById, plans, roles, userAgents } from './catalog.ts';
import type { Random } from './random.ts';
import type { DemoTenant, DemoUser } from './tenants.ts';

/** An audit event before the platform numbers, chains and hashes it. */
export type UnsealedEvent = Omit<AuditEventFields, 'seq' | 'prev_hash' | 'hash'> & Record<string, unknown>;
export type EventContent = Pick<UnsealedEvent, 'actor' | 'action' | 'target' | 'outcome' | 'changes' | 'metadata'> & {
  via?: 'browser' | 'api' | 'system';
  extra?: Record<string, unknown>;
};

/** A connection of a tenant, as its audit events name it. */
export interface DemoLink {
  id: string;
  name: string;
}

export interface ActionContext {
  random: Random;
  tenant: DemoTenant;
  user: DemoUser;
  other: DemoUser;
  /** The tenant's connections: what its connector events are about. */
  links: readonly DemoLink[];
}

const userActor = (user: DemoUser) => ({ type: 'user' as const, id: user.id, email: user.email, name: user.name });
const systemActor = { type: 'system' as const, id: 'sys_billing', email: null, name: 'Billing service' };
const base = { changes: null, metadata: {}, outcome: 'success' as const };

export const supportStaff = [
  { type: 'support' as const, id: 'stf_7Qm2Lk9Xw1Ab', email: 'maria.lund@opsdeck-demo.example', name: 'Maria Lund' },
  { type: 'support' as const, id: 'stf_3Hc8Pn4Ty6Zr', email: 'samir.haddad@opsdeck-demo.example', name: 'Samir Haddad' },
  { type: 'support' as const, id: 'stf_9Vd1Rb5Ke2Mu', email: 'julia.weber@opsdeck-demo.example', name: 'Julia Weber' },
];

/** Tenant-level actions a SaaS platform really records, with how often each happens. */
export const tenantActions: ReadonlyArray<readonly [(context: ActionContext) => EventContent, number]> = [
  [({ user, random }) => ({ ...base, actor: userActor(user), action: 'user.login', target: null, metadata: { method: random.pick(['password', 'sso', 'sso', 'magic_link']), mfa: random.chance(0.7) }, extra: { geo: geo(random) } }), 300],
  [({ user, random }) => ({ ...base, actor: userActor(user), action: 'user.login_failed', outcome: 'failure', target: null, metadata: { reason: random.pick(['invalid_password', 'invalid_password', 'mfa_code_invalid', 'account_locked']) }, extra: { geo: geo(random) } }), 40],
  [({ user }) => ({ ...base, actor: userActor(user), action: 'user.logout', target: null }), 60],
  [({ user, random, tenant }) => ({ ...base, actor: userActor(user), action: 'user.invited', target: { type: 'invitation', id: random.id('inv_', 12), name: `new.hire${random.int(1, 99)}@${tenant.domain}` }, metadata: { role: random.pick(roles.slice(1)) } }), 15],
  [({ other, random }) => ({ ...base, actor: userActor(other), action: 'invitation.accepted', target: { type: 'invitation', id: random.id('inv_', 12), name: other.email } }), 10],
  [({ user, other, random }) => ({ ...base, actor: userActor(user), action: 'role.assigned', target: { type: 'user', id: other.id, name: other.email }, changes: { role: { before: other.role, after: random.pick(roles.slice(1)) } } }), 12],
  [({ user, other }) => ({ ...base, actor: userActor(user), action: 'user.removed', target: { type: 'user', id: other.id, name: other.email } }), 4],
  [({ user, random }) => {
    const [field, before, after] = random.pick(policyChanges);
    return { ...base, actor: userActor(user), action: 'policy.updated', target: { type: 'policy', id: 'pol_security', name: 'Security policy' }, changes: { [field]: { before, after } } };
  }, 6],
  [({ user, random }) => ({ ...base, actor: userActor(user), action: 'api_key.created', target: { type: 'api_key', id: random.id('key_', 12), name: random.pick(apiKeyNames) }, metadata: { scopes: ['reports:read', 'data:write'].slice(0, random.int(1, 2)) } }), 8],
  [({ user, random }) => ({ ...base, actor: userActor(user), action: 'api_key.rotated', target: { type: 'api_key', id: random.id('key_', 12), name: random.pick(apiKeyNames) }, metadata: { previous_key_expires_in_h: 24 } }), 6],
  [({ user, random }) => ({ ...base, actor: userActor(user), action: 'api_key.revoked', target: { type: 'api_key', id: random.id('key_', 12), name: random.pick(apiKeyNames) } }), 3],
  [({ user, random }) => ({ ...base, actor: userActor(user), action: 'report.exported', target: { type: 'report', id: random.id('rpt_', 12), name: random.pick(reportNames) }, metadata: { format: random.pick(['pdf', 'csv', 'xlsx']), rows: random.int(10, 50_000) } }), 40],
  [({ user, random }) => ({ ...base, actor: userActor(user), action: 'report.exported', outcome: 'denied', target: { type: 'report', id: random.id('rpt_', 12), name: random.pick(reportNames) }, metadata: { reason: 'role viewer lacks reports:export' } }), 4],
  [({ user, random }) => ({ ...base, actor: userActor(user), action: 'report.signed_off', target: { type: 'report', id: random.id('rpt_', 12), name: random.pick(reportNames) }, metadata: { period: random.pick(['2026-Q1', '2026-Q2', '2026-Q3', '2026-10', '2026-11']) } }), 8],
  [({ user, random }) => ({ ...base, actor: userActor(user), action: 'gdpr.export_requested', target: { type: 'data_subject', id: random.id('dsr_', 12), name: null }, metadata: { ticket: `DSR-${random.int(1000, 9999)}` } }), 2],
  [({ random }) => ({ ...base, actor: { ...systemActor, id: 'sys_privacy', name: 'Privacy service' }, action: 'gdpr.export_completed', target: { type: 'data_subject', id: random.id('dsr_', 12), name: null }, metadata: { files: random.int(1, 6), bytes: random.int(20_000, 9_000_000) } }), 2],
  [({ user, random }) => ({ ...base, actor: userActor(user), action: 'gdpr.delete_requested', target: { type: 'data_subject', id: random.id('dsr_', 12), name: null }, metadata: { ticket: `DSR-${random.int(1000, 9999)}` } }), 1],
  [({ random }) => ({ ...base, actor: { ...systemActor, id: 'sys_privacy', name: 'Privacy service' }, action: 'gdpr.delete_completed', target: { type: 'data_subject', id: random.id('dsr_', 12), name: null }, metadata: { records_deleted: random.int(3, 4_000) } }), 1],
  [({ user, random, links }) => ({ ...base, actor: userActor(user), action: 'connector.connected', target: connectionTarget(random, links) }), 5],
  [({ user, random, links }) => ({ ...base, actor: userActor(user), action: 'connector.disconnected', target: connectionTarget(random, links), metadata: { reason: random.pick(['user_request', 'token_revoked', 'plan_limit']) } }), 2],
  [({ user, tenant }) => {
    const after = plans[Math.min(plans.indexOf(planById(tenant.plan.id)) + 1, plans.length - 1)]!;
    return { ...base, actor: userActor(user), action: 'plan.changed', target: { type: 'subscription', id: `sub_${tenant.id.slice(4)}`, name: null }, changes: { plan: { before: tenant.plan.id, after: after.id } } };
  }, 1],
  [({ random, tenant }) => ({ ...base, actor: systemActor, action: 'invoice.paid', target: { type: 'invoice', id: random.id('in_', 24), name: null }, metadata: { amount_cents: tenant.mrr_cents || tenant.plan.price_cents, currency: tenant.currency }, via: 'system' }), 4],
  [({ random, tenant }) => ({ ...base, actor: systemActor, action: 'invoice.payment_failed', outcome: 'failure', target: { type: 'invoice', id: random.id('in_', 24), name: null }, metadata: { amount_cents: tenant.mrr_cents || tenant.plan.price_cents, decline_code: random.pick(['insufficient_funds', 'expired_card', 'do_not_honor']) }, via: 'system' }), 1],
  [({ random, tenant }) => ({ ...base, actor: { type: 'api_key', id: random.id('key_', 12), email: null, name: random.pick(apiKeyNames) }, action: 'data.exported', target: { type: 'dataset', id: random.id('ds_', 10), name: random.pick(['orders', 'contacts', 'events', 'campaigns']) }, metadata: { rows: random.int(100, 200_000), tenant_plan: tenant.plan.id }, via: 'api' }), 30],
  [({ random }) => ({ ...base, actor: { type: 'api_key', id: random.id('key_', 12), email: null, name: random.pick(apiKeyNames) }, action: 'webhook.endpoint_created', target: { type: 'webhook_endpoint', id: random.id('we_', 14), name: `https://hooks.example.net/${random.hex(4)}` }, via: 'api' }), 3],
  [({ random }) => ({ ...base, actor: random.pick(supportStaff), action: 'support.access', target: null, metadata: { reason: random.pick(supportReasons), duration_min: 60 } }), 3],
  [({ user }) => ({ ...base, actor: userActor(user), action: 'sso.configured', target: { type: 'identity_provider', id: 'idp_okta', name: 'Okta' }, changes: { enforce_sso: { before: false, after: true } } }), 1],
];

/** Platform-level actions (tenant_id null), by platform staff and systems. */
export const platformActions: ReadonlyArray<readonly [(random: Random) => EventContent, number]> = [
  [(random) => ({ ...base, actor: random.pick(supportStaff), action: 'feature_flag.changed', target: { type: 'feature_flag', id: random.pick(['new-report-builder', 'ga4-v2-sync', 'bulk-export']), name: null }, changes: { rollout_percent: { before: random.int(0, 50), after: random.int(50, 100) } } }), 3],
  [() => ({ ...base, actor: { type: 'system', id: 'sys_keys', email: null, name: 'Key service' }, action: 'audit_key.rotated', target: { type: 'audit_key', id: 'ak_2026_07', name: null }, via: 'system' }), 1],
  [(random) => ({ ...base, actor: random.pick(supportStaff), action: 'platform.maintenance_scheduled', target: null, metadata: { window_minutes: random.pick([30, 60, 120]) } }), 1],
  [(random) => ({ ...base, actor: random.pick(supportStaff), action: 'staff.login', target: null, metadata: { method: 'sso', mfa: true }, extra: { geo: geo(random) } }), 10],
];

const policyChanges: ReadonlyArray<readonly [string, unknown, unknown]> = [
  ['password_min_length', 10, 14],
  ['session_timeout_minutes', 720, 60],
  ['mfa_required', false, true],
  ['ip_allowlist', [], ['203.0.113.0/24']],
  ['data_retention_days', 365, 730],
];
const apiKeyNames = ['Production ETL', 'Zapier integration', 'Looker sync', 'CI deploy', 'Data warehouse', 'Backup job'];
const reportNames = ['Monthly revenue', 'Campaign performance', 'Churn cohort', 'Board pack', 'Tax summary', 'Channel attribution'];
const connectorNames = ['Google Ads', 'GA4', 'HubSpot', 'Salesforce', 'Shopify', 'Stripe', 'Fortnox'];

/**
 * One of the tenant's connections, so the console's link from a connection to its audit events finds
 * them; a made-up one for a tenant without any. It draws the same numbers either way, so the rest
 * of a seed's trail stays as it was.
 */
function connectionTarget(random: Random, links: readonly DemoLink[]): { type: string; id: string; name: string } {
  const made = { type: 'connection', id: random.id('con_', 12), name: random.pick(connectorNames) };
  if (links.length === 0) return made;
  const link = links[made.id.charCodeAt(made.id.length - 1) % links.length]!;
  return { type: 'connection', id: link.id, name: link.name };
}
const supportReasons = [
  'Customer reports missing GA4 data since Tuesday (ticket #48213)',
  'Invoice amount disputed by billing contact (ticket #48377)',
  'Connector stuck in failing state, customer asked us to look (ticket #48402)',
  'Export job timing out for large report (ticket #48515)',
];

function geo(random: Random) {
  const [country, city] = random.pick(cities);
  return { country, city };
}

/** The request context members of an event, by how it was made. */
export function requestContext(random: Random, via: EventContent['via']) {
  if (via === 'system') return { ip: null, user_agent: null, request_id: null };
  return {
    ip: random.chance(0.1) ? `2001:db8:${random.hex(2)}::${random.int(1, 255)}` : `${random.pick([81, 85, 90, 185, 194, 212])}.${random.int(1, 254)}.${random.int(0, 255)}.${random.int(1, 254)}`,
    user_agent: via === 'api' ? random.pick(apiUserAgents) : random.pick(userAgents),
    request_id: random.id('req_', 20),
  };
}
