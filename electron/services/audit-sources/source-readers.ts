import type { SourceId } from '../../../shared/console-api/index.ts';
import type { AuditSearch } from '../audit-search/audit-search.ts';
import { openAuditReader } from '../audit-search/open-audit-reader.ts';
import type { AuditReader } from '../audit-search/open-audit-reader.ts';
import { sourceDbPath } from './source-path.ts';

export type SourceReaders = ReturnType<typeof createSourceReaders>;

/**
 * Read-only connections to audit sources, opened on first use and kept: a profile's cache
 * (its sync worker writes through another connection; WAL lets both proceed) or an imported
 * source.
 */
export function createSourceReaders(dataDir: string) {
  const open = new Map<SourceId, AuditReader>();

  return {
    /** The source's search, or null while it has no database yet (first sync still running). */
    search(id: SourceId): AuditSearch | null {
      let reader = open.get(id) ?? null;
      if (reader === null) {
        reader = openAuditReader(sourceDbPath(dataDir, id));
        if (reader !== null) open.set(id, reader);
      }
      return reader?.search ?? null;
    },
    /** Closes one source's connection (before its file is removed or replaced), or all of one kind. */
    close(match: (id: SourceId) => boolean = () => true): void {
      for (const [id, reader] of open) {
        if (!match(id)) continue;
        reader.close();
        open.delete(id);
      }
    },
  };
}
