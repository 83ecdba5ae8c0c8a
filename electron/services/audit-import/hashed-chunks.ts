import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { withoutByteOrderMark } from '../audit/byte-order-mark.ts';

export interface FileContent {
  bytes: number;
  sha256: string;
}

/** A file's bytes (less a byte order mark) a chunk at a time, hashing them on the way; content() once they are exhausted. */
export function hashedChunks(path: string) {
  let content: FileContent | null = null;
  return {
    async *chunks(): AsyncGenerator<Buffer> {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of withoutByteOrderMark(createReadStream(path, { highWaterMark: 1 << 20 }))) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
      content = { bytes, sha256: hash.digest('hex') };
    },
    content(): FileContent {
      if (content === null) throw new Error(`${path}: content() before the file was read`);
      return content;
    },
  };
}
