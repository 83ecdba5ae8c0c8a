import { queryModule } from '../reader/query-module.ts';

/** The home view's reads of cached data, answered on a source's reader thread. */
export const homeQueries = queryModule({}, () => ({}));
