import type { MethodTable } from './method.ts';

/** The home view's console methods. */
export const homeMethods = {} satisfies MethodTable;
