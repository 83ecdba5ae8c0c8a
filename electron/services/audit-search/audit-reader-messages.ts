import type { AuditSearch } from './audit-search.ts';

/** The AuditSearch methods a reader worker answers (the generators stay with exports on their own connection). */
export type RemoteMethod = 'search' | 'facets' | 'histogram' | 'event' | 'suggest' | 'tenantIdOf' | 'oldestTs';

export interface AuditReaderWorkerData {
  dbPath: string;
}

export interface ReaderRequest {
  id: number;
  method: RemoteMethod;
  args: unknown[];
}

export type ReaderReply =
  | { kind: 'ready'; available: boolean }
  | { kind: 'answer'; id: number; ok: true; value: unknown }
  | { kind: 'answer'; id: number; ok: false; message: string };

/** AuditSearch's query methods, answered on the reader's thread. */
export type RemoteAuditSearch = { [M in RemoteMethod]: (...args: Parameters<AuditSearch[M]>) => Promise<ReturnType<AuditSearch[M]>> };
