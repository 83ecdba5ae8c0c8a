import { z } from 'zod';
import type { TenantFilterChoices, TenantListRow, TenantOverview } from '../../../shared/console-api/index.ts';
import { tenantsMethods } from '../../../shared/console-api/index.ts';
import { queryModule } from '../reader/query-module.ts';
import { method } from '../workers/rpc/protocol.ts';
import { createTenantDirectory, tenantFilterChoices, tenantNames } from './tenant-directory.ts';
import { tenantOverview } from './tenant-overview.ts';

/** The tenants view's reads of cached data, answered on a source's reader thread. */
export const tenantsQueries = queryModule(
  {
    'tenants.directory': method<{ rows: TenantListRow[]; total: number }>()(tenantsMethods['tenants/directory'].input),
    'tenants.filters': method<TenantFilterChoices>()(z.object({})),
    /** `now` from the main side's clock: it decides what is past due and which cards expire soon. */
    'tenants.overview': method<TenantOverview | null>()(z.object({ id: z.string(), now: z.number().int() })),
    /** The cached names of these tenant ids; an id the cache does not know is left out. */
    'tenants.names': method<Record<string, string>>()(z.object({ ids: z.array(z.string()).max(10_000) })),
  },
  (db) => {
    const tenantDirectory = createTenantDirectory(db);
    return {
      'tenants.directory': (input) => tenantDirectory(input),
      'tenants.filters': () => tenantFilterChoices(db),
      'tenants.overview': ({ id, now }) => tenantOverview(db, id, now),
      'tenants.names': ({ ids }) => tenantNames(db, ids),
    };
  },
);
