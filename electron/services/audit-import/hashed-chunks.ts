import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileContent {
  bytes: number;
  sha256: string;
}

/** A file's bytes a chunk at a time, hashing them on the way; content() once they are exhausted. */
export function hashedChunks(path: string) {
  let content: FileContent | null = null;
  return {
    async *chunks(): AsyncGenerator<Buffer> {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
      content = { bytes, sha256: hash.digest('hex') };
    },
    content(): FileContent {
      if (content === null) throw new Error(`${path}: content() before the file was read`);
      return content;
    },
  };
}
