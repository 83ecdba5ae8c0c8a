import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import { ExportManifestBuilder } from '../audit/build-export-manifest.ts';
import type { AuditSearch } from '../audit-search/audit-search.ts';
import { csvColumns, csvLine } from './csv.ts';

export type ExportFormat = 'ndjson' | 'csv' | 'json';

export interface ExportRequest {
  search: AuditSearch;
  q: string;
  format: ExportFormat;
  gzip: boolean;
  out: string;
  source: { platform: string; environment: string };
  onProgress?: (written: number) => void;
  signal?: AbortSignal;
}

export interface ExportResult {
  count: number;
  out: string;
  /** NDJSON only: `<out>.manifest.json`. */
  manifestPath: string | null;
}

/**
 * Streams the events of a query to a file: NDJSON (the raw lines, so every hash still verifies,
 * plus a manifest), CSV for spreadsheets (no proof), or a JSON array. It writes to a temporary
 * name and renames when complete, so a cancelled or failed export leaves nothing behind.
 */
export async function exportAudit({ search, q, format, gzip, out, source, onProgress, signal }: ExportRequest): Promise<ExportResult> {
  const temp = `${out}.partial-${process.pid}`;
  const file = createWriteStream(temp);
  const sink: Writable = gzip ? createGzip() : file;
  if (gzip) sink.pipe(file);
  const manifest = format === 'ndjson' ? new ExportManifestBuilder() : null;
  let count = 0;
  const write = async (text: string) => {
    if (!sink.write(text)) await once(sink, 'drain');
  };

  try {
    if (format === 'csv') await write(`${csvLine(csvColumns.map(([header]) => header))}\n`);
    if (format === 'json') await write('[');
    for (const { raw, row } of search.matching(q)) {
      signal?.throwIfAborted();
      if (format === 'ndjson') {
        manifest!.add(raw);
        await write(`${raw}\n`);
      } else if (format === 'csv') {
        await write(`${csvLine(csvColumns.map(([, value]) => value(row)))}\n`);
      } else {
        await write(`${count === 0 ? '\n' : ',\n'}${raw}`);
      }
      if (++count % 10_000 === 0) onProgress?.(count);
    }
    if (format === 'json') await write(count === 0 ? ']\n' : '\n]\n');
    sink.end();
    await once(file, 'close');
  } catch (error) {
    sink.destroy();
    file.destroy();
    rmSync(temp, { force: true });
    throw error;
  }
  renameSync(temp, out);
  onProgress?.(count);
  const manifestPath = manifest === null ? null : `${out}.manifest.json`;
  if (manifest !== null) {
    const built: ExportManifest = manifest.finish({ createdAt: new Date().toISOString(), source, query: q.trim() === '' ? null : { q } });
    writeFileSync(manifestPath!, `${JSON.stringify(built, null, 2)}\n`);
  }
  return { count, out, manifestPath };
}
