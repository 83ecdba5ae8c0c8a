import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/** Consecutive lines of an NDJSON file: texts[i] is line firstLine + i (1-based), without its "\n". */
export interface LineBatch {
  firstLine: number;
  texts: string[];
}

/** What was read, once the lines are exhausted: the uncompressed bytes and their SHA-256. */
export interface NdjsonContent {
  bytes: number;
  sha256: string;
}

export interface NdjsonLines {
  gzip: boolean;
  /** Streams the file once, a chunk of lines at a time (batches keep the per-line cost down). */
  batches(): AsyncGenerator<LineBatch>;
  /** Available after batches() is exhausted. */
  content(): NdjsonContent;
}

const gzipMagic = [0x1f, 0x8b];
const chunkBytes = 1 << 18;

/**
 * Opens an NDJSON file, plain or gzip (told by its magic bytes, not its name), for streaming
 * without loading it into memory. A final "\n" ends the last line rather than starting another.
 */
export async function openNdjsonLines(path: string): Promise<NdjsonLines> {
  const gzip = await startsWith(path, gzipMagic);
  let content: NdjsonContent | null = null;

  async function* batches(): AsyncGenerator<LineBatch> {
    const hash = createHash('sha256');
    const decoder = new StringDecoder('utf8');
    let bytes = 0;
    let partial = '';
    let nextLine = 1;
    for await (const chunk of uncompressed(path, gzip)) {
      const buffer = chunk as Buffer;
      hash.update(buffer);
      bytes += buffer.length;
      const texts = (partial + decoder.write(buffer)).split('\n');
      partial = texts.pop()!;
      if (texts.length === 0) continue;
      yield { firstLine: nextLine, texts };
      nextLine += texts.length;
    }
    partial += decoder.end();
    if (partial !== '') yield { firstLine: nextLine, texts: [partial] };
    content = { bytes, sha256: hash.digest('hex') };
  }

  return {
    gzip,
    batches,
    content() {
      if (content === null) throw new Error(`${path}: content() before all lines were read`);
      return content;
    },
  };
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
