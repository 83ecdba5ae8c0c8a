import { sourceNameOfFile } from '../../../shared/audit/source-name-of-file.ts';
import { importedSourcePath } from '../../services/audit-import/source-paths.ts';

/** The audit export files Opsdeck registers for ("Open with Opsdeck"): electron-builder.yml lists the same. */
export const auditFileSuffixes = ['.ndjson', '.ndjson.gz', '.manifest.json'] as const;

const manifestSuffix = '.manifest.json';

export function isAuditFile(path: string): boolean {
  const lower = path.toLowerCase();
  return auditFileSuffixes.some((suffix) => lower.endsWith(suffix) && lower.length > suffix.length);
}

/**
 * The file of events to import for an opened file: a manifest stands for the export beside it
 * (`<export>.manifest.json`), which the import then reads together with that manifest.
 */
export function auditEventsFile(path: string): string {
  return path.toLowerCase().endsWith(manifestSuffix) ? path.slice(0, -manifestSuffix.length) : path;
}

/** When a file's name gives no source file name (no letters or digits), its source is named this. */
const fallbackName = 'Opened audit export';
/** Within the 80 characters of a source name (sources/import), with room for a number. */
const maxBaseName = 72;

/**
 * The name of the source an opened file becomes: the file's name without its audit extensions,
 * then `name 2`, `name 3`… until one is not `taken`, so opening a file never replaces a source.
 */
export function openedSourceName(eventsFile: string, taken: (candidate: string) => boolean): string {
  const base = sourceNameOfFile(eventsFile).slice(0, maxBaseName).trim();
  const name = hasFileName(base) ? base : fallbackName;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name} ${n}`;
    if (!taken(candidate)) return candidate;
  }
}

function hasFileName(name: string): boolean {
  try {
    importedSourcePath('', name);
    return true;
  } catch {
    return false;
  }
}
