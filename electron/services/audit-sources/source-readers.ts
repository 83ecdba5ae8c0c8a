import type { SourceId } from '../../../shared/console-api/index.ts';
import type { RemoteAuditSearch } from '../audit-search/audit-reader-messages.ts';
import { startAuditReaderThread } from '../audit-search/audit-reader-thread.ts';
import type { AuditReaderThread } from '../audit-search/audit-reader-thread.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import { sourceDbPath } from './source-path.ts';

export type SourceReaders = ReturnType<typeof createSourceReaders>;

/**
 * A reader thread per audit source, started on first use and kept: a profile's cache (its
 * sync worker writes through another connection; WAL lets both proceed) or an imported source.
 */
export function createSourceReaders(dataDir: string, workers: WorkerPaths) {
  const open = new Map<SourceId, Promise<AuditReaderThread | null>>();

  return {
    /** The source's search, or null while it has no database yet (first sync still running). */
    async search(id: SourceId): Promise<RemoteAuditSearch | null> {
      let thread = open.get(id);
      if (thread === undefined) {
        thread = startAuditReaderThread(sourceDbPath(dataDir, id), workers);
        open.set(id, thread);
      }
      const started = await thread;
      if (started === null && open.get(id) === thread) open.delete(id);
      return started?.search ?? null;
    },
    /** Stops one source's reader (before its file is removed or replaced), or all that match. */
    async close(match: (id: SourceId) => boolean = () => true): Promise<void> {
      const closing: Array<Promise<void>> = [];
      for (const [id, thread] of open) {
        if (!match(id)) continue;
        open.delete(id);
        closing.push(thread.then((started) => started?.close()));
      }
      await Promise.all(closing);
    },
  };
}
