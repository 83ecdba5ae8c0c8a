import type { CacheCipher } from '../cache/cache-cipher.ts';
import { openReaderDb } from '../reader/open-reader-db.ts';
import { createAuditSearch } from './audit-search.ts';
import type { AuditSearch } from './audit-search.ts';

export interface AuditReader {
  search: AuditSearch;
  close(): void;
}

/** An audit search on this thread (the command line, exports), or null when the source has no cache yet. */
export function openAuditReader(path: string, cipher?: CacheCipher): AuditReader | null {
  const db = openReaderDb(path, cipher);
  return db === null ? null : { search: createAuditSearch(db), close: () => db.close() };
}
