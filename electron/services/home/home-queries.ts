import { z } from 'zod';
import type { HomeGlance } from '../../../shared/console-api/index.ts';
import { queryModule } from '../reader/query-module.ts';
import { method } from '../workers/rpc/protocol.ts';
import { homeGlance } from './home-glance.ts';

/** Home's reads of cached data, answered on a source's reader thread. */
export const homeQueries = queryModule({ 'home.glance': method<HomeGlance>()(z.object({ now: z.number() })) }, (db) => ({
  'home.glance': ({ now }) => homeGlance(db, now),
}));
