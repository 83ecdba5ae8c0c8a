/**
 * The data views, each declared once. Every layer reads its part from here: the console API its
 * sync resources, the renderer its section (route, nav item, empty state), the main side which
 * sync tasks fill it. A layer's own table keyed by DataViewId (the renderer's icons and screens,
 * the main side's handlers and query modules) must then name every view, or the build fails.
 */
export const dataViews = [
  {
    id: 'home',
    label: 'Home',
    description: 'Platform status and what needs attention now',
    empty: {
      title: 'Nothing to glance at yet',
      text: 'Platform status, queues in alert, failing connections, past-due tenants, this month’s MRR and recent failed or denied audit events, on one screen.',
    },
    syncResources: ['status'],
  },
  {
    id: 'audit',
    label: 'Audit trail',
    description: 'Search who did what, where and when; export and verify',
    empty: {
      title: 'No audit events yet',
      text: 'Once a platform is connected, its audit trail syncs here: search a million events, open one, pivot by actor or tenant, and export a file anyone can verify offline.',
    },
    syncResources: ['audit'],
  },
  {
    id: 'queues',
    label: 'Queues',
    description: 'Depth, age and throughput; failed jobs; retry and pause',
    empty: {
      title: 'No queues yet',
      text: 'Queue depth and the age of the oldest job, now and over the last hours, failed jobs grouped by reason, and retry or pause with one confirmed click.',
    },
    syncResources: ['queues', 'failed-jobs'],
  },
  {
    id: 'tenants',
    label: 'Tenants',
    description: 'Everything about one tenant on one page',
    empty: {
      title: 'No tenants yet',
      text: 'Every tenant with its plan, seats, usage, invoices, audit trail, connections and stuck jobs on one page. Each look is itself logged.',
    },
    syncResources: ['tenants'],
  },
  {
    id: 'billing',
    label: 'Billing',
    description: 'MRR, movements and past-due tenants',
    empty: {
      title: 'No billing data yet',
      text: 'MRR over time with new, expansion, contraction and churn, revenue by plan, and the tenants that are past due.',
    },
    syncResources: ['billing'],
  },
  {
    id: 'connectors',
    label: 'Connectors',
    description: 'Which integrations are failing, across tenants',
    empty: {
      title: 'No connectors yet',
      text: 'Every connector with its healthy, degraded and failing connections across tenants, their sync runs and last errors.',
    },
    syncResources: ['connectors', 'connection-runs'],
  },
] as const;

export type DataView = (typeof dataViews)[number];
export type DataViewId = DataView['id'];
/** What one sync task keeps fresh: its own row of sync state, its own status line. */
export type SyncResource = DataView['syncResources'][number];

export const syncResources = dataViews.flatMap((view) => view.syncResources) as [SyncResource, ...SyncResource[]];
