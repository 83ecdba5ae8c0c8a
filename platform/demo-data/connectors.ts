import type { Connection, ConnectionRun, ConnectionStatus } from '../../shared/ops-api/index.ts';
import type { Random } from './random.ts';
import type { DemoTenant } from './tenants.ts';
import { iso, minuteMs } from './time.ts';

export interface ConnectorSpec {
  id: string;
  name: string;
  category: string;
  /** Errors a failing or degraded connection of this kind reports. */
  errors: ReadonlyArray<readonly [code: string, message: string]>;
}

const oauthExpired = ['oauth_token_expired', 'The refresh token was revoked or expired; the tenant must reconnect.'] as const;
const rateLimited = ['rate_limited', 'HTTP 429 Too Many Requests; retrying after 60 s.'] as const;

export const connectorSpecs: readonly ConnectorSpec[] = [
  { id: 'google-ads', name: 'Google Ads', category: 'advertising', errors: [['customer_not_enabled', "Google Ads API: CUSTOMER_NOT_ENABLED - The customer account can't be accessed because it is not yet enabled or has been deactivated."], oauthExpired] },
  { id: 'ga4', name: 'GA4', category: 'analytics', errors: [['quota_exceeded', 'GA4 Data API: Exhausted concurrent requests quota for this property (RESOURCE_EXHAUSTED).'], oauthExpired] },
  { id: 'hubspot', name: 'HubSpot', category: 'crm', errors: [rateLimited, ['missing_scopes', 'HubSpot: This app hasn\'t been granted all required scopes (crm.objects.deals.read).']] },
  { id: 'salesforce', name: 'Salesforce', category: 'crm', errors: [['invalid_session', 'INVALID_SESSION_ID: Session expired or invalid'], ['request_limit_exceeded', 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.']] },
  { id: 'shopify', name: 'Shopify', category: 'ecommerce', errors: [['throttled', 'Shopify GraphQL: Throttled (cost 1002 exceeds available 1000).'], ['shop_unavailable', 'HTTP 402 Payment Required: shop is frozen.']] },
  { id: 'woocommerce', name: 'WooCommerce', category: 'ecommerce', errors: [['http_401', 'woocommerce_rest_cannot_view: Sorry, you cannot list resources. (401)'], ['tls_error', 'unable to verify the first certificate']] },
  { id: 'wordpress', name: 'WordPress', category: 'cms', errors: [['http_503', 'HTTP 503 Service Unavailable from /wp-json/wp/v2/posts'], ['tls_error', 'certificate has expired']] },
  { id: 'zoho', name: 'Zoho', category: 'crm', errors: [['invalid_oauthtoken', 'Zoho CRM: INVALID_TOKEN - invalid oauth token'], rateLimited] },
  { id: 'stripe', name: 'Stripe', category: 'payments', errors: [['api_key_expired', 'Stripe: Expired API Key provided: rk_live_****4xQz'], rateLimited] },
  { id: 'fortnox', name: 'Fortnox', category: 'accounting', errors: [['http_403', 'Fortnox: Behörighet saknas för scope bookkeeping (2000663)'], oauthExpired] },
  { id: 'tiktok-ads', name: 'TikTok Ads', category: 'advertising', errors: [['advertiser_unauthorized', 'TikTok Business API 40001: No permission to operate advertiser'], rateLimited] },
  { id: 'smtp', name: 'SMTP', category: 'email', errors: [['auth_failed', '535 5.7.8 Authentication credentials invalid'], ['connection_timeout', 'Connection timeout to smtp.office365.com:587']] },
];

const statusWeights: ReadonlyArray<readonly [ConnectionStatus, number]> = [
  ['healthy', 68],
  ['degraded', 11],
  ['failing', 9],
  ['disconnected', 7],
  ['paused', 5],
];
const intervals = [900, 1_800, 3_600, 3_600, 21_600, 86_400];

/** A connector's name, by its id. */
export const connectorName = (id: string): string => connectorSpecs.find((spec) => spec.id === id)?.name ?? id;

export interface DemoConnection {
  connection: Connection;
  runs: ConnectionRun[];
}

/** 1-5 connections per tenant, every status represented, each with its recent runs (oldest first). */
export function generateConnections(random: Random, tenants: DemoTenant[], now: number): DemoConnection[] {
  const out: DemoConnection[] = [];
  for (const tenant of tenants) {
    const kinds = new Set<ConnectorSpec>();
    const count = random.int(1, 5);
    while (kinds.size < count) kinds.add(random.pick(connectorSpecs));
    for (const spec of kinds) {
      const forced = statusWeights[out.length]?.[0];
      const status = tenant.status === 'churned' || tenant.status === 'suspended' ? 'disconnected' : (forced ?? random.weighted(statusWeights));
      out.push(generateConnection(random, spec, tenant, status, now));
    }
  }
  return out;
}

function generateConnection(random: Random, spec: ConnectorSpec, tenant: DemoTenant, status: ConnectionStatus, now: number): DemoConnection {
  const interval = random.pick(intervals);
  const runCount = status === 'disconnected' ? random.int(0, 5) : random.int(12, 30);
  const failingRuns = status === 'failing' ? random.int(3, runCount) : 0;
  const lastRunAt = now - random.int(60, interval) * 1_000 - (status === 'disconnected' ? random.int(2, 60) * 24 * 60 * minuteMs : 0);
  const runs: ConnectionRun[] = [];
  for (let index = runCount - 1; index >= 0; index--) {
    const started = lastRunAt - index * interval * 1_000 + random.int(0, 30_000);
    const failed = index < failingRuns || (status === 'degraded' && random.chance(0.25)) || random.chance(0.02);
    const duration = random.int(2_000, 240_000);
    runs.push({
      id: random.id('run_', 14),
      started_at: iso(started),
      finished_at: iso(started + duration),
      status: failed ? 'failed' : 'succeeded',
      records: failed ? random.int(0, 50) : random.int(50, 40_000),
      duration_ms: duration,
      error: failed ? random.pick(spec.errors)[1] : null,
    });
  }
  const lastRun = runs.at(-1);
  const lastSuccess = runs.findLast((run) => run.status === 'succeeded');
  const lastFailure = runs.findLast((run) => run.status === 'failed');
  const error = lastFailure && (status === 'failing' || status === 'degraded' || status === 'disconnected') ? random.pick(spec.errors) : null;
  const perDay = Math.max(1, Math.round(86_400 / interval));
  return {
    connection: {
      id: random.id('con_', 12),
      connector_id: spec.id,
      tenant_id: tenant.id,
      status,
      last_sync_at: lastRun?.started_at ?? null,
      last_success_at: lastSuccess?.finished_at ?? null,
      next_sync_at: status === 'paused' || status === 'disconnected' ? null : iso(Math.max(now + 1_000, lastRunAt + interval * 1_000)),
      sync_interval_s: interval,
      records_synced_24h: status === 'disconnected' ? 0 : runs.slice(-perDay).reduce((sum, run) => sum + run.records, 0),
      error_rate_24h: runs.length === 0 ? 0 : Math.round((runs.slice(-perDay).filter((run) => run.status === 'failed').length / Math.min(perDay, runs.length)) * 1000) / 1000,
      latency_ms_p95: runs.length === 0 ? null : random.int(180, 4_500),
      last_error: error && lastFailure ? { at: lastFailure.finished_at ?? lastFailure.started_at, code: error[0], message: error[1] } : null,
    },
    runs,
  };
}
