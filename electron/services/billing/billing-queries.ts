import { queryModule } from '../reader/query-module.ts';

/** The billing view's reads of cached data, answered on a source's reader thread. */
export const billingQueries = queryModule({}, () => ({}));
