// Where the Electron binary is, without triggering electron's lazy download on require.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './node-version.mjs';

const packageDir = join(projectRoot, 'node_modules', 'electron');

/** The Electron executable, or null when the binary is not installed (it downloads from GitHub). */
export function electronBinaryPath() {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const electronMissingReason =
  'the Electron binary is not installed: it downloads from GitHub, which this machine cannot reach';
