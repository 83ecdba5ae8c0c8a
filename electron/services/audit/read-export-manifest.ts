import { readFile, stat } from 'node:fs/promises';
import { exportManifest } from '../../../shared/audit/export-manifest.ts';
import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import { formatBytes } from '../../../shared/format-bytes.ts';
import { jsonErrorMessage } from './json-error-position.ts';
import { maxJsonNesting, nestsTooDeep } from './json-nesting.ts';
import { UnreadableInputError } from './unreadable-input-error.ts';

/** A manifest states a few counts, hashes and a query: far less than this. */
const maxManifestBytes = 1 << 20;

/**
 * Reads and validates `<file>.manifest.json` (a byte order mark before it is allowed); every
 * failure is an UnreadableInputError naming the file.
 */
export async function readExportManifest(path: string): Promise<ExportManifest> {
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > maxManifestBytes) throw new Error(`it is ${formatBytes(size)}, more than the ${formatBytes(maxManifestBytes)} a manifest may be`);
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UnreadableInputError(`cannot read manifest ${path}: ${(error as Error).message}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UnreadableInputError(`manifest ${path} is not JSON: ${jsonErrorMessage(text, error as Error)}`, { cause: error });
  }
  if (nestsTooDeep(value, text)) throw new UnreadableInputError(`manifest ${path} is not an audit export manifest: it is nested deeper than ${maxJsonNesting} levels`);
  const parsed = exportManifest.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new UnreadableInputError(`manifest ${path} is not an audit export manifest: ${issues.join('; ')}`);
  }
  return parsed.data;
}
