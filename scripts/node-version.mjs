// Which Node the project runs on, and where the bootstrapped one lives. Plain JS: runs on Node 20.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const localNodeDir = fileURLToPath(new URL('../.tools/node24', import.meta.url));
const localNodeBinary = `${localNodeDir}/node_modules/node/bin/node`;

export function nodeIsRecentEnough(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** The Node 24 that bootstrap installed into .tools/, or null. */
export function localNode() {
  return existsSync(localNodeBinary) ? localNodeBinary : null;
}
