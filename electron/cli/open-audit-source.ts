import type { AuditSearch } from '../services/audit-search/audit-search.ts';
import { openAuditReader } from '../services/audit-search/open-audit-reader.ts';
import { importedSourcePath } from '../services/audit-import/source-paths.ts';
import type { CacheCipher } from '../services/cache/cache-cipher.ts';
import { cacheDbPath } from '../services/cache/cache-paths.ts';
import { defaultDataDir } from '../services/data-dir.ts';
import { openProfileStore } from '../services/profiles/profile-store.ts';
import { profileCacheCipher } from './profile-cache-cipher.ts';
import { UsageError } from './usage-error.ts';

export const auditSourceFlags = {
  db: { type: 'string' },
  profile: { type: 'string' },
  source: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

/** The cache to read: --db PATH, an imported source (--source NAME), or a profile's cache (--profile NAME, else the active one). */
export async function openAuditSource(command: string, values: { db?: string; profile?: string; source?: string; 'data-dir'?: string }): Promise<{ search: AuditSearch; path: string; close(): void }> {
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const given = (['db', 'source', 'profile'] as const).filter((flag) => values[flag] !== undefined);
  if (given.length > 1) throw new UsageError(`${command}: give one of --db, --source and --profile, not ${given.map((flag) => `--${flag}`).join(' and ')}.`);
  let path = values.source === undefined ? values.db : importedSourcePath(dataDir, values.source);
  let cipher: CacheCipher | undefined;
  if (path === undefined) {
    const store = openProfileStore(dataDir);
    const id = values.profile === undefined ? store.activeId() : store.list().find((p) => p.id === values.profile || p.name === values.profile)?.id ?? values.profile;
    if (id === null) throw new UsageError(`${command}: no active profile in ${dataDir}; give --profile NAME or --db PATH.`);
    path = cacheDbPath(dataDir, id);
    cipher = await profileCacheCipher(dataDir, id, 'reader');
  }
  const reader = openAuditReader(path, cipher);
  if (reader === null && values.source !== undefined) throw new UsageError(`${command}: no imported source '${values.source}' in ${dataDir} (opsdeck import FILE --source NAME creates one).`);
  if (reader === null) throw new UsageError(`${command}: no cache database at ${path}.`);
  return { ...reader, path };
}
