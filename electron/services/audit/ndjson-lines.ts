import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { withoutByteOrderMark } from './byte-order-mark.ts';
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
 * mark at the start, and a CR before each LF.
 */
export async function openNdjsonLines(path: string): Promise<NdjsonLines> {
  const gzip = await startsWith(path, gzipMagic);
  let content: NdjsonContent | null = null;

  async function* lineBytes(): AsyncGenerator<LineBytes> {
    const hash = createHash('sha256');
    let bytes = 0;
    let partial = Buffer.alloc(0);
    let nextLine = 1;
    for await (const buffer of withLfLineEnds(withoutByteOrderMark(uncompressed(path, gzip)))) {
      hash.update(buffer);
      bytes += buffer.length;
      const wholeEnd = buffer.lastIndexOf(lineBreak) + 1;
      if (wholeEnd === 0) {
        partial = Buffer.concat([partial, buffer]);
        continue;
      }
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
