import type { ExportFormat } from '../console-api/audit.ts';

/** e.g. "opsdeck-audit-demo-20261123-2114.ndjson.gz": the source and the time, safe on every file system. */
export function exportFileName(sourceName: string, format: ExportFormat, gzip: boolean, at = new Date()): string {
  const source = sourceName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'source';
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `opsdeck-audit-${source}-${stamp}.${format}${gzip ? '.gz' : ''}`;
}
