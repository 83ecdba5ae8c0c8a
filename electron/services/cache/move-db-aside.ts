import { existsSync, renameSync } from 'node:fs';

/**
 * Moves a database file and its -wal/-shm companions to `<path>.corrupt-<timestamp>` (never
 * deletes: the file may matter to whoever investigates). Returns the new path of the main file.
 */
export function moveDbAside(path: string, at: Date): string {
  const movedTo = `${path}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix);
  }
  return movedTo;
}
