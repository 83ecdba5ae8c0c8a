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

/** `name`, or `name 2`, `name 3`… : the first that is not taken, so opening a file never replaces a source. */
export function freeSourceName(name: string, taken: (candidate: string) => boolean): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name} ${n}`;
    if (!taken(candidate)) return candidate;
  }
}
