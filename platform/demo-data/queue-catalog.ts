// The demo platform's queues, what their jobs look like and how they fail.
import type { Random } from './random.ts';
import type { DemoTenant } from './tenants.ts';

export interface QueueSpec {
  name: string;
  workers: number;
  /** Jobs per minute at an ordinary hour. */
  rate_per_min: number;
  processing_ms_p50: number;
  processing_ms_p95: number;
  max_attempts: number;
  job(random: Random, tenant: DemoTenant): { name: string; data: Record<string, unknown> };
  failures: readonly Failure[];
}

export interface Failure {
  reason: string;
  /** Stack frames below the message line. */
  frames: readonly string[];
}

const emailJob = (template: string[]) => (random: Random, tenant: DemoTenant) => ({
  name: 'send-email',
  data: { to: random.pick(tenant.users).email, template: random.pick(template), message_id: `<${random.hex(8)}@mail.opsdeck-demo.example>`, tenant_slug: tenant.slug },
});

const smtpFrames = [
  'at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:798:19)',
  'at SMTPConnection._actionRCPT (/app/node_modules/nodemailer/lib/smtp-connection/index.js:1682:28)',
  'at SMTPConnection._processResponse (/app/node_modules/nodemailer/lib/smtp-connection/index.js:969:20)',
  'at async EmailWorker.process (/app/dist/workers/email/email-worker.js:58:13)',
  'at async Worker.processJob (/app/node_modules/bullmq/dist/cjs/classes/worker.js:455:28)',
];
const httpFrames = [
  'at ClientRequest.<anonymous> (/app/node_modules/undici/lib/core/request.js:212:15)',
  'at Object.onError (/app/node_modules/undici/lib/api/api-request.js:118:14)',
  'at async deliver (/app/dist/workers/webhooks/deliver.js:41:22)',
  'at async Worker.processJob (/app/node_modules/bullmq/dist/cjs/classes/worker.js:455:28)',
];
const syncFrames = [
  'at ApiClient.request (/app/dist/connectors/shared/api-client.js:87:15)',
  'at async Paginator.next (/app/dist/connectors/shared/paginator.js:33:20)',
  'at async SyncRunner.run (/app/dist/workers/connector-sync/sync-runner.js:112:9)',
  'at async Worker.processJob (/app/node_modules/bullmq/dist/cjs/classes/worker.js:455:28)',
];
const reportFrames = [
  'at ReportRenderer.renderTable (/app/dist/reports/render/table.js:144:31)',
  'at ReportRenderer.render (/app/dist/reports/render/index.js:62:18)',
  'at async generateReport (/app/dist/workers/reports/generate.js:29:5)',
  'at async Worker.processJob (/app/node_modules/bullmq/dist/cjs/classes/worker.js:455:28)',
];
const stripeFrames = [
  'at StripeError.generate (/app/node_modules/stripe/cjs/Error.js:10:20)',
  'at res.toJSON.then.Error_js_1.StripeAPIError.message (/app/node_modules/stripe/cjs/RequestSender.js:105:54)',
  'at async syncInvoice (/app/dist/workers/billing/sync-invoice.js:24:21)',
  'at async Worker.processJob (/app/node_modules/bullmq/dist/cjs/classes/worker.js:455:28)',
];

const emailFailures: Failure[] = [
  { reason: "Can't send mail - all recipients were rejected: 550 5.1.1 The email account that you tried to reach does not exist", frames: smtpFrames },
  { reason: '421 4.7.0 Temporary System Problem. Try again later (mx.google.com)', frames: smtpFrames },
  { reason: 'Greeting never received', frames: smtpFrames },
  { reason: 'getaddrinfo ENOTFOUND smtp.sendgrid.net', frames: ['at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)', ...smtpFrames.slice(3)] },
];

export const queueSpecs: readonly QueueSpec[] = [
  { name: 'email-sending:high', workers: 8, rate_per_min: 40, processing_ms_p50: 180, processing_ms_p95: 900, max_attempts: 5, job: emailJob(['password-reset', 'mfa-code', 'invitation']), failures: emailFailures },
  { name: 'email-sending', workers: 12, rate_per_min: 220, processing_ms_p50: 240, processing_ms_p95: 1_400, max_attempts: 5, job: emailJob(['invoice-receipt', 'weekly-digest', 'report-ready', 'trial-ending']), failures: emailFailures },
  { name: 'email-sending:low', workers: 4, rate_per_min: 90, processing_ms_p50: 260, processing_ms_p95: 1_900, max_attempts: 3, job: emailJob(['newsletter', 'product-update', 'survey']), failures: emailFailures },
  {
    name: 'webhook-delivery', workers: 16, rate_per_min: 310, processing_ms_p50: 120, processing_ms_p95: 2_600, max_attempts: 8,
    job: (random, tenant) => ({ name: 'deliver-webhook', data: { endpoint_url: `https://hooks.${tenant.domain}/opsdeck`, event_type: random.pick(['invoice.paid', 'report.ready', 'connector.failed', 'user.created']), event_id: random.id('evt_', 20) } }),
    failures: [
      { reason: 'Request failed with status code 502 Bad Gateway', frames: httpFrames },
      { reason: 'connect ETIMEDOUT 203.0.113.14:443', frames: ['at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)', ...httpFrames.slice(2)] },
      { reason: 'self-signed certificate in certificate chain', frames: ['at TLSSocket.onConnectSecure (node:_tls_wrap:1677:34)', ...httpFrames.slice(2)] },
      { reason: 'socket hang up', frames: ['at TLSSocket.socketOnEnd (node:_http_client:524:23)', ...httpFrames.slice(2)] },
    ],
  },
  {
    name: 'connector-sync', workers: 6, rate_per_min: 25, processing_ms_p50: 14_000, processing_ms_p95: 95_000, max_attempts: 3,
    job: (random) => ({ name: 'sync-connection', data: { connection_id: random.id('con_', 12), connector: random.pick(['google-ads', 'ga4', 'hubspot', 'shopify', 'salesforce']), full_refresh: random.chance(0.05) } }),
    failures: [
      { reason: 'Google Ads API: AuthenticationError.OAUTH_TOKEN_REVOKED - The OAuth token has been revoked by the user', frames: syncFrames },
      { reason: 'HubSpot API 429: You have reached your secondly limit.', frames: syncFrames },
      { reason: 'Salesforce INVALID_SESSION_ID: Session expired or invalid', frames: syncFrames },
      { reason: 'Shopify GraphQL: Throttled (cost 1002 exceeds available 1000)', frames: syncFrames },
    ],
  },
  {
    name: 'report-generation', workers: 3, rate_per_min: 6, processing_ms_p50: 8_500, processing_ms_p95: 61_000, max_attempts: 2,
    job: (random) => ({ name: 'generate-report', data: { report_id: random.id('rpt_', 12), format: random.pick(['pdf', 'xlsx', 'csv']), rows_estimate: random.int(100, 400_000) } }),
    failures: [
      { reason: "TypeError: Cannot read properties of undefined (reading 'currency')", frames: reportFrames },
      { reason: 'Report rendering exceeded the 300000 ms timeout', frames: reportFrames },
      { reason: 'Puppeteer: Navigation timeout of 30000 ms exceeded', frames: ['at LifecycleWatcher._LifecycleWatcher_createTimeout (/app/node_modules/puppeteer-core/lib/cjs/puppeteer/cdp/LifecycleWatcher.js:166:16)', ...reportFrames.slice(2)] },
    ],
  },
  {
    name: 'billing-sync', workers: 2, rate_per_min: 4, processing_ms_p50: 650, processing_ms_p95: 3_100, max_attempts: 5,
    job: (random, tenant) => ({ name: 'sync-stripe-invoice', data: { invoice_id: random.id('in_', 24), customer: `cus_${tenant.id.slice(4)}` } }),
    failures: [
      { reason: "No such invoice: 'in_1QxT4r2eZvKYlo2C0f6dG9hJ'", frames: stripeFrames },
      { reason: 'An error occurred with our connection to Stripe. Request was retried 2 times.', frames: stripeFrames },
    ],
  },
];

/** BullMQ keeps one stack string per failed attempt. */
export function stacktraceOf(failure: Failure, attempts: number): string[] {
  const stack = `Error: ${failure.reason}\n    ${failure.frames.join('\n    ')}`;
  return Array.from({ length: attempts }, () => stack);
}
