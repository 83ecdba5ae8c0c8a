import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { formatBytes } from '../../../shared/format-bytes.ts';
import { withoutByteOrderMark } from './byte-order-mark.ts';
import { BrokenInputError, gzipInflateLimit, inputLimits } from './input-limits.ts';
import { withLfLineEnds } from './lf-line-ends.ts';

/** Consecutive lines of an NDJSON file: texts[i] is line firstLine + i (1-based), without its "\n". */
export interface LineBatch {
  firstLine: number;
  texts: string[];
}

/** lineCount consecutive lines as UTF-8, each ended by "\n" but perhaps the file's last. */
export interface LineBytes {
  firstLine: number;
  lineCount: number;
  bytes: Uint8Array;
}

/** What was read, once the lines are exhausted: the content's bytes (see openNdjsonLines) and their SHA-256. */
export interface NdjsonContent {
  bytes: number;
  sha256: string;
}

export interface NdjsonLines {
  gzip: boolean;
  /** Streams the file once, a chunk of lines at a time (batches keep the per-line cost down). */
  batches(): AsyncGenerator<LineBatch>;
  /** Streams the file once as bytes, which split and post to a worker for less than texts. */
  lineBytes(): AsyncGenerator<LineBytes>;
  /** Available after batches() or lineBytes() is exhausted. */
  content(): NdjsonContent;
}

const gzipMagic = [0x1f, 0x8b];
const chunkBytes = 1 << 20;
const lineBreak = 0x0a;

/**
 * Opens an NDJSON file, plain or gzip (told by its magic bytes, not its name), for streaming
 * without loading it into memory. A final "\n" ends the last line rather than starting another.
 * Its content is the uncompressed bytes less what an editor may add on saving: a byte order
 * mark at the start, and a CR before each LF. A line past inputLimits.recordBytes, gzip that
 * inflates past its limit and gzip cut short are BrokenInputErrors naming the line.
 */
export async function openNdjsonLines(path: string): Promise<NdjsonLines> {
  const gzip = await startsWith(path, gzipMagic);
  const inflateLimit = gzip ? gzipInflateLimit((await stat(path)).size) : Infinity;
  let content: NdjsonContent | null = null;

  async function* lineBytes(): AsyncGenerator<LineBytes> {
    const hash = createHash('sha256');
    let bytes = 0;
    let partial = Buffer.alloc(0);
    let nextLine = 1;
    const chunks = withLfLineEnds(withoutByteOrderMark(inflatedWithin(uncompressed(path, gzip), inflateLimit, () => nextLine)));
    for await (const buffer of chunks) {
      hash.update(buffer);
      bytes += buffer.length;
      const wholeEnd = buffer.lastIndexOf(lineBreak) + 1;
      if (wholeEnd === 0) {
        if (partial.length + buffer.length > inputLimits.recordBytes) throw lineTooLong(nextLine);
        partial = Buffer.concat([partial, buffer]);
        continue;
      }
      if (partial.length + buffer.indexOf(lineBreak) > inputLimits.recordBytes) throw lineTooLong(nextLine);
      // A buffer of its own (never a slice of Node's pool), so posting it to a worker copies just these bytes.
      const whole = Buffer.allocUnsafeSlow(partial.length + wholeEnd);
      partial.copy(whole);
      buffer.copy(whole, partial.length, 0, wholeEnd);
      partial = Buffer.from(buffer.subarray(wholeEnd));
      const lineCount = countLineBreaks(whole);
      yield { firstLine: nextLine, lineCount, bytes: whole };
      nextLine += lineCount;
    }
    if (partial.length > 0) yield { firstLine: nextLine, lineCount: 1, bytes: partial };
    content = { bytes, sha256: hash.digest('hex') };
  }

  async function* batches(): AsyncGenerator<LineBatch> {
    for await (const { firstLine, lineCount, bytes } of lineBytes()) {
      const texts = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').split('\n');
      if (texts.length > lineCount) texts.pop();
      yield { firstLine, texts };
    }
  }

  return {
    gzip,
    batches,
    lineBytes,
    content() {
      if (content === null) throw new Error(`${path}: content() before all lines were read`);
      return content;
    },
  };
}

function lineTooLong(line: number): BrokenInputError {
  return new BrokenInputError(line, `refused: the line is longer than ${formatBytes(inputLimits.recordBytes)}, far more than any audit event`);
}

/**
 * The chunks, refused once they pass `limit` bytes (a gzip bomb), and gzip that is cut short or
 * corrupt told by the line it breaks off in.
 */
async function* inflatedWithin(chunks: Readable, limit: number, line: () => number): AsyncGenerator<Buffer> {
  let inflated = 0;
  try {
    for await (const chunk of chunks as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > limit) {
        throw new BrokenInputError(null, `refused: it inflates past ${formatBytes(limit)}, the limit for a gzip file of its size (${inputLimits.gzipRatio} times it, or ${formatBytes(inputLimits.gzipFreeBytes)}): a gzip bomb, not an audit export`);
      }
      yield chunk;
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw new BrokenInputError(line(), `the gzip data is cut short or corrupt in this line, after ${inflated} uncompressed bytes (${(error as Error).message})`);
    throw error;
  }
}

export function countLineBreaks(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(lineBreak); at >= 0; at = bytes.indexOf(lineBreak, at + 1)) count++;
  return count;
}

function uncompressed(path: string, gzip: boolean): Readable {
  const file = createReadStream(path, { highWaterMark: chunkBytes });
  if (!gzip) return file;
  const gunzip = createGunzip({ chunkSize: chunkBytes });
  file.on('error', (error) => gunzip.destroy(error));
  // Refusing a gzip bomb stops reading it: the file closes with the stream it feeds.
  gunzip.on('close', () => file.destroy());
  return file.pipe(gunzip);
}

async function startsWith(path: string, magic: number[]): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    const { bytesRead } = await handle.read(head, 0, magic.length, 0);
    return bytesRead === magic.length && magic.every((byte, index) => head[index] === byte);
  } finally {
    await handle.close();
  }
}
