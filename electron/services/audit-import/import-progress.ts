/**
 * An import's phases, in the order they start: the files are read and loaded; then the field
 * indexes are built, then the full-text index, while the hash chain of what was loaded is
 * verified beside them (a CSV import, which carries no hashes, has no verification).
 */
export const importPhases = ['reading', 'indexing', 'text', 'verifying'] as const;
export type ImportPhase = (typeof importPhases)[number];

/** One report of one phase; every phase ends with a report that it is complete. */
export type ImportProgress =
  | { phase: 'reading'; file: string; fileIndex: number; files: number; bytesRead: number; bytesTotal: number; events: number }
  /** SQLite says nothing while it builds an index: `building` is the one under way, for `buildingMs` so far (progressHeartbeat). */
  | { phase: 'indexing'; built: number; indexes: number; building: string | null; buildingMs: number }
  | { phase: 'text'; indexed: number; events: number }
  | { phase: 'verifying'; checked: number; events: number };

export const phaseLabels: Record<ImportPhase, string> = {
  reading: 'Reading the files',
  indexing: 'Field indexes',
  text: 'Full text',
  verifying: 'Verification',
};

/** How much of its phase a report says is done, 0..1. */
export function phaseFraction(progress: ImportProgress): number {
  switch (progress.phase) {
    case 'reading':
      return (progress.fileIndex + fileFraction(progress)) / progress.files;
    case 'indexing':
      return progress.indexes === 0 ? 1 : progress.built / progress.indexes;
    case 'text':
      return progress.events === 0 ? 1 : progress.indexed / progress.events;
    case 'verifying':
      return progress.events === 0 ? 1 : progress.checked / progress.events;
  }
}

export const phaseComplete = (progress: ImportProgress): boolean => phaseFraction(progress) >= 1;

/** What a report says, for a person: "audit.ndjson (1/2) 45%: 230,000 events", "4 of 10 built; building audit_events_ts for 2.1 s". */
export function phaseDetail(progress: ImportProgress): string {
  const count = (value: number) => value.toLocaleString('en-US');
  switch (progress.phase) {
    case 'reading':
      return `${progress.file} (${progress.fileIndex + 1}/${progress.files}) ${Math.floor(100 * fileFraction(progress))}%: ${count(progress.events)} events`;
    case 'indexing':
      if (progress.building === null) return `${progress.built} of ${progress.indexes} built`;
      return `${progress.built} of ${progress.indexes} built; building ${progress.building}${progress.buildingMs < 1000 ? '' : ` for ${(progress.buildingMs / 1000).toFixed(1)} s`}`;
    case 'text':
      return `${count(progress.indexed)} of ${count(progress.events)} events`;
    case 'verifying':
      return `${count(progress.checked)} of ${count(progress.events)} events checked`;
  }
}

/** How much of the file being read has been. */
function fileFraction({ bytesRead, bytesTotal }: Extract<ImportProgress, { phase: 'reading' }>): number {
  return bytesTotal === 0 ? 1 : Math.min(1, bytesRead / bytesTotal);
}
