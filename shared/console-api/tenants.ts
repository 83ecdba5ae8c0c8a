import type { MethodTable } from './method.ts';

/** The tenants view's console methods. */
export const tenantsMethods = {} satisfies MethodTable;
