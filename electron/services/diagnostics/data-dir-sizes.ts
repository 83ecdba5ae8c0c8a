import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A SQLite database's side files, counted with it. */
const sideFile = /-(wal|shm|journal)$/;

/**
 * The files in `folder` of the data dir whose name `keep` matches, with their sizes, path
 * relative to the data dir, a database's -wal, -shm and -journal files counted in its own size.
 * A missing folder has none.
 */
export function folderSizes(dataDir: string, folder: string, keep = /./): Array<{ path: string; bytes: number }> {
  const dir = join(dataDir, folder);
  if (!existsSync(dir)) return [];
  const sizes = new Map<string, number>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = `${folder}/${entry.name.replace(sideFile, '')}`;
    if (!keep.test(path)) continue;
    sizes.set(path, (sizes.get(path) ?? 0) + statSync(join(dir, entry.name)).size);
  }
  return [...sizes].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => a.path.localeCompare(b.path));
}
