import type { Tenant } from '../../../shared/ops-api/index.ts';
import { OpsApiError } from '../ops-api/ops-api-error.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';

/** Requests in flight at once: the list's tenants are fetched one by one, not all together. */
const parallel = 4;

/**
 * Each listed tenant as GET /v1/tenants/{id} returns it, with its usage (the list has none),
 * in list order. A tenant removed between the list and its fetch (404) is left out.
 */
export async function tenantDetails(client: OpsApiClient, listed: readonly Tenant[]): Promise<Tenant[]> {
  const details: Array<Tenant | null> = new Array<Tenant | null>(listed.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < listed.length) {
      const index = next++;
      details[index] = await client.call('getTenant', { path: { id: listed[index]!.id } }).catch((error: unknown) => {
        if (error instanceof OpsApiError && error.kind === 'not-found') return null;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, listed.length) }, worker));
  return details.filter((tenant): tenant is Tenant => tenant !== null);
}
