import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../services/atomic-write.ts';

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const windowPlacement = z.object({ x: coordinate, y: coordinate, width: length, height: length, maximized: z.boolean() });
export type WindowPlacement = z.infer<typeof windowPlacement>;

const fileName = 'window-state.json';

/** The window's last size, position and maximized state, from the data dir; null when none was saved or the file is unreadable (the default placement is then used). */
export function readWindowPlacement(dataDir: string): WindowPlacement | null {
  const path = join(dataDir, fileName);
  if (!existsSync(path)) return null;
  try {
    const parsed = windowPlacement.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeWindowPlacement(dataDir: string, placement: WindowPlacement): void {
  writeFileAtomic(join(dataDir, fileName), `${JSON.stringify(windowPlacement.parse(placement))}\n`);
}
