import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/clock.ts';
import { billingRows, connectionsTable, connectorsTable, staleBillingRows, tenantsTable } from '../cache/cache-tables.ts';
import { rowsOf, staleRowsOf, writeSynced } from '../cache/synced-rows.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { tenantDetails } from '../tenants/tenant-details.ts';
import { allPages } from './all-pages.ts';
import type { SyncSchedule } from './sync-schedule.ts';
import type { SyncTask } from './sync-task.ts';


/**
 * Tenants, billing and connectors: snapshots refreshed on a schedule. Each
 * refresh is the whole list, so what it no longer has is deleted in the same transaction.
 */
export function snapshotTasks(db: Database, client: OpsApiClient, schedule: SyncSchedule, clock: Clock): SyncTask[] {
  const mark = (resource: SyncTask['resource']) => ({ resource, cursor: null, at: clock() });
  return [
    {
      resource: 'tenants',
      scope: 'tenants:read',
      everyMs: schedule.directoryMs,
      async run() {
        const tenants = await tenantDetails(client, await allPages((cursor) => client.call('listTenants', { query: { limit: 1000, cursor } })));
        writeSynced(db, mark('tenants'), [rowsOf(tenantsTable, tenants), staleRowsOf(tenantsTable)]);
        return true;
      },
    },
    {
      resource: 'connectors',
      scope: 'connectors:read',
      everyMs: schedule.directoryMs,
      async run() {
        const [{ data: connectors }, connections] = await Promise.all([client.call('listConnectors'), allPages((cursor) => client.call('listConnections', { query: { limit: 1000, cursor } }))]);
        writeSynced(db, mark('connectors'), [rowsOf(connectorsTable, connectors), staleRowsOf(connectorsTable), rowsOf(connectionsTable, connections), staleRowsOf(connectionsTable)]);
        return true;
      },
    },
    {
      resource: 'billing',
      scope: 'billing:read',
      everyMs: schedule.billingMs,
      async run() {
        const tenants = db.prepare('SELECT id FROM tenants').pluck().all() as string[];
        const billing = [];
        for (const tenantId of tenants) billing.push({ tenantId, billing: await client.call('getTenantBilling', { path: { id: tenantId } }) });
        writeSynced(db, mark('billing'), [...billing.flatMap(billingRows), staleBillingRows()]);
        return true;
      },
    },
  ];
}
