import { z } from 'zod';
import { method, workerProtocol } from '../workers/rpc/protocol.ts';

/** The reference platform behind the Demo profile, on its own thread. */
export const demoPlatformProtocol = workerProtocol({
  worker: 'demo-platform',
  data: z.object({ dbPath: z.string(), events: z.number().int().positive(), tenants: z.number().int().positive() }),
  methods: {
    /** Generates the data set if the database is new, then serves it live. */
    start: method<{ url: string; token: string; generationMs: number | null }>()(z.object({})),
    stop: method<null>()(z.object({})),
  },
});
