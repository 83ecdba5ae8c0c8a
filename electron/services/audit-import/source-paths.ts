import { join } from 'node:path';

/** Where imported sources live: one SQLite file per source, beside the profile caches. */
export function importedSourcesDir(dataDir: string): string {
  return join(dataDir, 'sources');
}

/**
 * The database of the imported source with this name: `<dataDir>/sources/<slug>.sqlite`, the
 * slug keeping the name's letters, digits, '-' and '_' (other runs become '-').
 */
export function importedSourcePath(dataDir: string, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') throw new Error(`The source name '${name}' has no letters or digits to name its file after; choose a name with some.`);
  return join(importedSourcesDir(dataDir), `${slug}.sqlite`);
}
