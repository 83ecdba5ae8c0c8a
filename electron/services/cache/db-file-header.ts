import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * What the 100-byte header of an SQLite file shows to be wrong without reading the rest: a
 * file cut short of the page count its header states. Null when nothing is wrong, or when the
 * header holds no trustworthy count (a new or empty file, or one an old writer left).
 */
export function headerProblem(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null; // no file yet: a fresh cache
  }
  try {
    const header = Buffer.alloc(100);
    const size = fstatSync(fd).size;
    if (readSync(fd, header, 0, 100, 0) < 100 || !header.subarray(0, 16).equals(magic)) return null; // SQLite itself says "not a database"
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pages = header.readUInt32BE(28);
    // The in-header size is valid only when written by the same change as the change counter.
    if (header.readUInt32BE(24) !== header.readUInt32BE(92) || pages === 0) return null;
    const held = Math.floor(size / pageSize);
    return held < pages ? `database disk image is malformed: the file holds ${held} of the ${pages} pages its header states (truncated)` : null;
  } finally {
    closeSync(fd);
  }
}

const magic = Buffer.from('SQLite format 3\0', 'latin1');
