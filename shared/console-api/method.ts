import type { z } from 'zod';

/** One console API method: what the renderer sends and what it gets back. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export type MethodTable = Record<string, MethodSpec>;
