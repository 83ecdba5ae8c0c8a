import type { SyncResource } from '../../../shared/console-api/index.ts';

/** What a sync step tells whoever runs it (the worker relays it to the main thread). */
export type SyncReport = (update: { resource: SyncResource; progress: number | null; detail: string | null }) => void;
