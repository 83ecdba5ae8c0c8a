import { queryModule } from '../reader/query-module.ts';

/** The connectors view's reads of cached data, answered on a source's reader thread. */
export const connectorsQueries = queryModule({}, () => ({}));
