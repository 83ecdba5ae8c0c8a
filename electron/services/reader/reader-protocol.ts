import { z } from 'zod';
import { cacheCipher } from '../cache/cache-cipher.ts';
import { auditQueries } from '../audit-search/audit-queries.ts';
import { queueQueries } from '../queues/queue-queries.ts';
import { homeQueries } from '../home/home-queries.ts';
import { tenantsQueries } from '../tenants/tenants-queries.ts';
import { billingQueries } from '../billing/billing-queries.ts';
import { connectorsQueries } from '../connectors/connectors-queries.ts';
import { paletteQueries } from '../palette/palette-queries.ts';
import { workerProtocol } from '../workers/rpc/protocol.ts';
import type { DataViewId } from '../../../shared/data-views.ts';
import type { RpcMethods } from '../workers/rpc/protocol.ts';
import { combineQueryModules } from './query-module.ts';
import type { QueryModule } from './query-module.ts';

/** Each data view's reads of cached data; a view not built yet has none. */
const viewQueries = {
  home: homeQueries,
  audit: auditQueries,
  queues: queueQueries,
  tenants: tenantsQueries,
  billing: billingQueries,
  connectors: connectorsQueries,
} satisfies Record<DataViewId, QueryModule<RpcMethods> | null>;

type BuiltQueries = NonNullable<(typeof viewQueries)[DataViewId]>;

/** Every view's reads and the command palette's lookups across them, served by one reader thread per source. */
export const readerQueries = combineQueryModules([...Object.values(viewQueries).filter((module): module is BuiltQueries => module !== null), paletteQueries]);

export const readerProtocol = workerProtocol({
  worker: 'reader',
  /** The cache's cipher when it is a profile's (it may be encrypted); absent: a plain file. */
  data: z.object({ dbPath: z.string(), cipher: cacheCipher.optional() }),
  methods: readerQueries.methods,
});

export type ReaderMethods = (typeof readerQueries)['methods'];
