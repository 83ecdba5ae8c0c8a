import { existsSync, readdirSync } from 'node:fs';
import type { AuditSource, SourceId } from '../../../shared/console-api/index.ts';
import { importedSourcesDir } from '../audit-import/source-paths.ts';
import { CacheKeyError, plainCache } from '../cache/cache-cipher.ts';
import type { CacheCipher } from '../cache/cache-cipher.ts';
import { openCacheFile } from '../cache/open-cache-file.ts';
import { sourceDbPath, profileSourceId } from './source-path.ts';
import { latestVerification, summarizeVerification } from './verifications.ts';

/**
 * Every audit source there is a database for: the profiles' caches (named after their
 * profile, opened with their cipher; one its key does not open is left out, as its sync
 * status says), then the imported sources, newest import first.
 */
export function listSources(dataDir: string, profiles: ReadonlyArray<{ id: string; name: string; cipher?: CacheCipher | undefined }>): AuditSource[] {
  const cached = profiles.flatMap(({ id, name, cipher }) => describe(dataDir, profileSourceId(id), name, cipher) ?? []);
  const imported = importedIds(dataDir).flatMap((id) => describe(dataDir, id, null) ?? []);
  imported.sort((a, b) => (b.importedAt ?? '').localeCompare(a.importedAt ?? ''));
  return [...cached, ...imported];
}

function importedIds(dataDir: string): SourceId[] {
  const dir = importedSourcesDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((file) => {
    const match = /^([\w-]+)\.sqlite$/.exec(file);
    return match === null ? [] : [`import:${match[1]}` as SourceId];
  });
}

interface SourceFileRow {
  name: string;
  format: string;
  events: number;
  skipped: number;
  imported_at: number;
}

/** What one source's database says about itself; null when it has no audit schema yet. */
function describe(dataDir: string, id: SourceId, profileName: string | null, cipher?: CacheCipher): AuditSource | null {
  const path = sourceDbPath(dataDir, id);
  if (!existsSync(path)) return null;
  let db;
  try {
    db = openCacheFile(path, cipher ?? plainCache(path), { readonly: true, fileMustExist: true });
  } catch (error) {
    if (error instanceof CacheKeyError) return null;
    throw error;
  }
  try {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'source_info'").get() === undefined) return null;
    const { first, last } = db.prepare('SELECT min(seq) AS first, max(seq) AS last FROM audit_events').get() as { first: number | null; last: number | null };
    const files = db.prepare('SELECT name, format, events, skipped, imported_at FROM source_files ORDER BY id').all() as SourceFileRow[];
    const name = profileName ?? (db.prepare('SELECT name FROM source_info').pluck().get() as string | undefined) ?? id.slice('import:'.length);
    const checked = latestVerification(db);
    const kind = profileName === null ? 'import' : 'profile';
    return {
      id,
      kind,
      name,
      // Counting a million rows would block: a profile's cache is contiguous by construction,
      // and an import records how many events each file added.
      events: kind === 'profile' ? (first === null ? 0 : last! - first + 1) : files.reduce((sum, file) => sum + file.events, 0),
      firstSeq: first,
      lastSeq: last,
      importedAt: files.length === 0 ? null : new Date(Math.max(...files.map((file) => file.imported_at))).toISOString(),
      files: files.map(({ name: fileName, format, events, skipped }) => ({ name: fileName, format, events, skipped })),
      verifiable: files.every((file) => file.format !== 'csv'),
      verification: checked === null ? null : summarizeVerification(checked.checkedAt, checked.report),
    };
  } finally {
    db.close();
  }
}
