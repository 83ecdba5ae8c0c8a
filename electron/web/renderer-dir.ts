import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** out/renderer of this checkout, where `npm run build` puts the renderer. */
export function builtRendererDir(): string {
  return fileURLToPath(new URL('../../out/renderer', import.meta.url));
}

export function assertRendererBuilt(dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`The renderer is not built (no ${join(dir, 'index.html')}). Run \`npm run build\` first, or \`npm start\`.`);
  }
}
