import { z } from 'zod';
import type { BillingOverviewOrNothing } from '../../../shared/console-api/index.ts';
import { billingOverviewInput } from '../../../shared/console-api/index.ts';
import { queryModule } from '../reader/query-module.ts';
import { method } from '../workers/rpc/protocol.ts';
import { billingOverview } from './billing-overview.ts';

/** The billing view's reads of cached data, answered on a source's reader thread. */
export const billingQueries = queryModule(
  {
    // `now` comes from the main side's clock, so "overdue", "this week" and "next month" follow it.
    'billing.overview': method<BillingOverviewOrNothing>()(billingOverviewInput.extend({ now: z.number().int() })),
  },
  (db) => ({
    'billing.overview': ({ months, now }) => billingOverview(db, months, now),
  }),
);
