import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import { readExportManifest } from '../audit/read-export-manifest.ts';
import { UnreadableInputError } from '../audit/unreadable-input-error.ts';
import { ImportError } from './import-error.ts';

export interface ImportedFiles<F> {
  /** The files of events to import. */
  data: F[];
  /** The query a filtered export was made with (from its manifest); null for a whole trail or no manifest. */
  filter: ExportManifest['query'];
}

const manifestSuffix = '.manifest.json';

/**
 * Separates export manifests from the files of events: a manifest given among the files (as
 * the UI uploads it) or lying beside one (`<file>.manifest.json`, as `opsdeck verify` finds
 * it) says whether the export was filtered, so the source's verification expects its gaps.
 */
export async function separateManifests<F extends { path: string; name?: string }>(files: F[]): Promise<ImportedFiles<F>> {
  const nameOf = (file: F) => file.name ?? basename(file.path);
  const given = files.filter((file) => nameOf(file).endsWith(manifestSuffix));
  const data = files.filter((file) => !nameOf(file).endsWith(manifestSuffix));
  if (data.length === 0) throw new ImportError(nameOf(files[0]!), null, 'only export manifests were given: add the NDJSON file they describe');
  const beside = data.flatMap((file) => (existsSync(`${file.path}${manifestSuffix}`) ? [{ path: `${file.path}${manifestSuffix}`, name: `${nameOf(file)}${manifestSuffix}` }] : []));
  let filter: ExportManifest['query'] = null;
  for (const manifest of [...given.map((file) => ({ path: file.path, name: nameOf(file) })), ...beside]) {
    try {
      filter ??= (await readExportManifest(manifest.path)).query;
    } catch (error) {
      if (!(error instanceof UnreadableInputError)) throw error;
      throw new ImportError(manifest.name, null, error.message.replace(manifest.path, manifest.name));
    }
  }
  return { data, filter };
}
