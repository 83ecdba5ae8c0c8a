import { createWriteStream, renameSync, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { setImmediate } from 'node:timers/promises';
import { createGzip } from 'node:zlib';
import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import type { AuditRow, ExportFormat } from '../../../shared/console-api/index.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { ExportManifestBuilder } from '../audit/build-export-manifest.ts';
import type { AuditSearch } from '../audit-search/audit-search.ts';
import { csvColumns, csvLine } from './csv.ts';


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

// Events per write: one write() and one manifest hash update per ~1.4 MB of NDJSON rather than per event.
const eventsPerWrite = 2_000;
const progressEvery = 10_000;
// Written but not yet on disk (or compressed) before the export waits: lets reading the
// database overlap writing and compressing, in bounded memory.
const maxBuffered = 8 * 2 ** 20;
// Fastest gzip level: about 3x the speed of the default (6) for a file some 20% larger, and
// audit exports are large and read by machines, so waiting is the bigger cost.
const gzipLevel = 1;

/**
 * Streams the events of a query to a file: NDJSON (the raw lines, so every hash still verifies,
 * plus a manifest), CSV for spreadsheets (no proof), or a JSON array. It writes to a temporary
 * name and renames when complete, so a cancelled or failed export leaves nothing behind.
 */
export async function exportAudit({ search, q, format, gzip, out, source, onProgress, signal }: ExportRequest): Promise<ExportResult> {
  const temp = `${out}.partial-${process.pid}`;
  const file = createWriteStream(temp);
  const sink: Writable = gzip ? createGzip({ level: gzipLevel }) : file;
  if (gzip) sink.pipe(file);
  const manifest = format === 'ndjson' ? new ExportManifestBuilder() : null;
  // A stream's error is the export's failure, thrown at the next write; listened for from the
  // start since the export is not always waiting on the streams when one comes.
  let streamError: Error | null = null;
  for (const stream of new Set<Writable>([sink, file])) stream.on('error', (error: Error) => (streamError ??= error));
  let count = 0;

  try {
    for (const { count: events, bytes } of chunksOf(search, q, format)) {
      signal?.throwIfAborted();
      if (streamError !== null) throw streamError;
      manifest?.addLines(bytes);
      sink.write(bytes);
      // Back to the event loop between writes either way, so I/O and a cancel get their turn.
      if (sink.writableLength > maxBuffered) await once(sink, 'drain');
      else await setImmediate();
      if (Math.floor((count + events) / progressEvery) > Math.floor(count / progressEvery)) onProgress?.(count + events);
      count += events;
    }
    if (streamError !== null) throw streamError;
    sink.end();
    if (!file.closed) await once(file, 'close');
    if (streamError !== null) throw streamError;
  } catch (error) {
    sink.destroy();
    file.destroy();
    // The file may still be opening: removed before it has closed, it would reappear.
    if (!file.closed) await new Promise<void>((closed) => file.once('close', closed));
    rmSync(temp, { force: true });
    throw error;
  }
  // A manifest of an earlier export to the same name never stands beside this one, even if the
  // process dies between the two renames: the file then stands alone, which verifies as such.
  const manifestPath = manifest === null ? null : `${out}.manifest.json`;
  if (manifestPath !== null) rmSync(manifestPath, { force: true });
  renameSync(temp, out);
  onProgress?.(count);
  if (manifest !== null) {
    const built: ExportManifest = manifest.finish({ createdAt: new Date().toISOString(), source, query: q.trim() === '' ? null : { q } });
    writeFileAtomic(manifestPath!, `${JSON.stringify(built, null, 2)}\n`);
  }
  return { count, out, manifestPath };
}

/** The file's bytes in the format, a chunk of up to eventsPerWrite events at a time, with how many each holds. */
function* chunksOf(search: AuditSearch, q: string, format: ExportFormat): Generator<{ count: number; bytes: Buffer }> {
  // NDJSON is the raw texts as they are, joined by the database; a JSON array (an element a line)
  // needs only them too, which read several times faster than whole rows.
  if (format === 'ndjson') yield* search.matchingRawLines(q, eventsPerWrite);
  else if (format === 'json') yield* textChunks('[', search.matchingRaw(q), ',', '\n]\n', ']\n');
  else yield* textChunks(csvLine(csvColumns.map(([header]) => header)), csvRows(search.matching(q)), '', '\n');
}

/**
 * `head`, then each text after "\n" (and `between` from the second on), then `tail` (or
 * `emptyTail` when there were none): eventsPerWrite texts a chunk.
 */
function* textChunks(head: string, texts: Iterable<string>, between: string, tail: string, emptyTail = tail): Generator<{ count: number; bytes: Buffer }> {
  let pending = head;
  let count = 0;
  let inChunk = 0;
  for (const text of texts) {
    pending += `${count === 0 ? '' : between}\n${text}`;
    count++;
    if (++inChunk === eventsPerWrite) {
      yield { count: inChunk, bytes: Buffer.from(pending) };
      pending = '';
      inChunk = 0;
    }
  }
  yield { count: inChunk, bytes: Buffer.from(pending + (count === 0 ? emptyTail : tail)) };
}

function* csvRows(matches: Iterable<{ row: AuditRow }>): Generator<string> {
  for (const { row } of matches) yield csvLine(csvColumns.map(([, value]) => value(row)));
}
