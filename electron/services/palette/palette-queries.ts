import type { PaletteHit } from '../../../shared/console-api/index.ts';
import { paletteMethods } from '../../../shared/console-api/index.ts';
import { queryModule } from '../reader/query-module.ts';
import { method } from '../workers/rpc/protocol.ts';
import { findInCache } from './find-in-cache.ts';

/** The command palette's lookups across every view's cached data. */
export const paletteQueries = queryModule({ 'palette.find': method<PaletteHit[]>()(paletteMethods['palette/find'].input) }, (db) => ({
  'palette.find': ({ text }) => findInCache(db, text),
}));
