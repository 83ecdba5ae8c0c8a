import type { Size } from './visible-bounds.ts';

/** The window's size when nothing was remembered, and the least it may be. */
export const windowSize = { preferred: { width: 1400, height: 900 }, min: { width: 960, height: 600 } } satisfies { preferred: Size; min: Size };
