import type { MethodTable } from './method.ts';

/** The connectors view's console methods. */
export const connectorsMethods = {} satisfies MethodTable;
