/**
 * How much an audit file may ask of memory and disk. No audit event comes near a line of
 * 8 MB (a few hundred bytes is usual), and audit NDJSON gzips about 10:1, far from 100:1.
 */
export const inputLimits = {
  /** The longest record (NDJSON line, JSON array element, CSV row) read into memory whole. */
  recordBytes: 8 << 20,
  /** A gzip file may inflate to this many times its own size… */
  gzipRatio: 100,
  /** …and to this much whatever its size, so that a small file may compress well. */
  gzipFreeBytes: 64 << 20,
} as const;

/** The uncompressed bytes a gzip file of `compressedBytes` may inflate to. */
export function gzipInflateLimit(compressedBytes: number): number {
  return Math.max(inputLimits.gzipFreeBytes, inputLimits.gzipRatio * compressedBytes);
}

/**
 * An audit file's bytes that cannot be read as its lines from `line` on (null: the file as a
 * whole), and why: a line past the limit, a gzip bomb, gzip data cut short.
 */
export class BrokenInputError extends Error {
  override name = 'BrokenInputError';
  /** Callers tell unreadable input from bugs by an error code, as they do file system and zlib errors. */
  readonly code = 'ERR_BROKEN_INPUT';

  constructor(
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
  }
}
