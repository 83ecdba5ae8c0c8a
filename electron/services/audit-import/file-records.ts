import { open, stat } from 'node:fs/promises';
import { countLineBreaks, openNdjsonLines } from '../audit/ndjson-lines.ts';
import { csvHeader } from './csv-event.ts';
import { csvRows } from './csv-rows.ts';
import { hashedChunks } from './hashed-chunks.ts';
import { jsonArrayElements } from './json-array-elements.ts';
import type { RecordWork } from './read-records.ts';

export type ImportFormat = 'ndjson' | 'ndjson.gz' | 'json' | 'csv';

export interface FileRecords {
  format: ImportFormat;
  /** The uncompressed size, for progress (a gzip trailer states it modulo 4 GiB: an estimate). */
  bytesTotal: number;
  /** The file's records in order, a chunk at a time, with the uncompressed bytes read so far. */
  work(): AsyncGenerator<{ work: RecordWork; bytesRead: number }>;
  /** Once work() is exhausted: lines, and the uncompressed bytes and their SHA-256 (as an export manifest states them). */
  content(): { lines: number; bytes: number; sha256: string };
}

const headBytes = 64 * 1024;

/** Opens a file for import, telling its format from its content: gzip magic, '[', the CSV export's header, else NDJSON. */
export async function openFileRecords(path: string, name: string): Promise<FileRecords> {
  const { size } = await stat(path);
  const head = await readAt(path, 0, Math.min(size, headBytes));
  if (head[0] === 0x1f && head[1] === 0x8b) return ndjsonRecords(path, 'ndjson.gz', Math.max(size, size < 4 ? 0 : gzipStatedSize(await readAt(path, size - 4, 4))));
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('[')) return chunkedRecords(path, 'json', size, async function* (chunks) {
    for await (const { lines, texts } of jsonArrayElements(chunks, name)) yield { kind: 'json', lines, texts };
  });
  if (text.split('\n', 1)[0]!.replace(/\r$/, '') === csvHeader.join(',')) return chunkedRecords(path, 'csv', size, async function* (chunks) {
    let header = true;
    for await (const { lines, rows } of csvRows(chunks, name)) {
      if (header) {
        lines.shift();
        rows.shift();
        header = false;
      }
      yield { kind: 'csv', lines, rows };
    }
  });
  return ndjsonRecords(path, 'ndjson', size);
}

async function ndjsonRecords(path: string, format: ImportFormat, bytesTotal: number): Promise<FileRecords> {
  const lines = await openNdjsonLines(path);
  let count = 0;
  return {
    format,
    bytesTotal,
    async *work() {
      let bytesRead = 0;
      for await (const { firstLine, lineCount, bytes } of lines.lineBytes()) {
        bytesRead += bytes.byteLength;
        count = firstLine + lineCount - 1;
        yield { work: { kind: 'ndjson', firstLine, bytes }, bytesRead };
      }
    },
    content: () => ({ lines: count, ...lines.content() }),
  };
}

/** JSON and CSV: the raw bytes, counted and hashed, then split into records by `split`. */
function chunkedRecords(
  path: string,
  format: ImportFormat,
  bytesTotal: number,
  split: (chunks: AsyncIterable<Buffer>) => AsyncGenerator<RecordWork>,
): FileRecords {
  const file = hashedChunks(path);
  let bytesRead = 0;
  let lines = 0;
  let lastByte = 0x0a;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of file.chunks()) {
      bytesRead += chunk.length;
      lines += countLineBreaks(chunk);
      lastByte = chunk[chunk.length - 1]!;
      yield chunk;
    }
  }
  return {
    format,
    bytesTotal,
    async *work() {
      for await (const work of split(counted())) yield { work, bytesRead };
    },
    content: () => ({ lines: lines + (lastByte === 0x0a ? 0 : 1), ...file.content() }),
  };
}

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const bytes = Buffer.alloc(length);
    await handle.read(bytes, 0, length, position);
    return bytes;
  } finally {
    await handle.close();
  }
}

/** ISIZE, the last four bytes of a gzip member: its uncompressed size modulo 2^32. */
function gzipStatedSize(tail: Buffer): number {
  return tail.readUInt32LE(0);
}
