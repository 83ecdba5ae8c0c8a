import { basename } from 'node:path';
import type { SourceId } from '../../../shared/console-api/index.ts';
import { importedSourcePath } from '../audit-import/source-paths.ts';
import { cacheDbPath } from '../cache/cache-paths.ts';

/** The database behind a source id: a profile's cache or an imported source. */
export function sourceDbPath(dataDir: string, id: SourceId): string {
  const [kind, name] = id.split(':') as ['profile' | 'import', string];
  return kind === 'profile' ? cacheDbPath(dataDir, name) : importedSourcePath(dataDir, name);
}

export const profileSourceId = (profileId: string): SourceId => `profile:${profileId}`;

/** The id an imported source of this name gets (its file's slug). */
export const importedSourceId = (dataDir: string, name: string): SourceId => `import:${basename(importedSourcePath(dataDir, name), '.sqlite')}`;
