import { z } from 'zod';
import type { MethodTable } from './method.ts';

export const paletteHitKind = z.enum(['tenant', 'queue', 'connector', 'connection', 'audit-event']);
export type PaletteHitKind = z.infer<typeof paletteHitKind>;

/** Something in the cache the command palette can open, found by its id or its name. */
export const paletteHit = z.object({ kind: paletteHitKind, id: z.string(), label: z.string(), detail: z.string().nullable() });
export type PaletteHit = z.infer<typeof paletteHit>;

export const paletteMethods = {
  'palette/find': { input: z.object({ text: z.string().trim().min(2).max(200) }).strict(), output: z.object({ hits: z.array(paletteHit) }) },
} satisfies MethodTable;
