import { readFile } from 'node:fs/promises';
import { exportManifest } from '../../../shared/audit/export-manifest.ts';
import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import { UnreadableInputError } from './unreadable-input-error.ts';

/** Reads and validates `<file>.manifest.json`; every failure is an UnreadableInputError naming the file. */
export async function readExportManifest(path: string): Promise<ExportManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UnreadableInputError(`cannot read manifest ${path}: ${(error as Error).message}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UnreadableInputError(`manifest ${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = exportManifest.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new UnreadableInputError(`manifest ${path} is not an audit export manifest: ${issues.join('; ')}`);
  }
  return parsed.data;
}
