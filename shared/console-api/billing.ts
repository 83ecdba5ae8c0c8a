import type { MethodTable } from './method.ts';

/** The billing view's console methods. */
export const billingMethods = {} satisfies MethodTable;
