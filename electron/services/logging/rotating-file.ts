import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RotatingFileOptions {
  path: string;
  /** The current file is rotated before an append would take it past this size. */
  maxBytes: number;
  /** Files kept in all, the current one included: `path`, `path.1` (the newest old one) … */
  maxFiles: number;
}

export interface RotatingFile {
  /** Appends whole lines in one write, so a crash can tear at most the last of them. */
  append(lines: string): void;
  close(): void;
}

/**
 * A file that only grows by appends and is rotated by size: at most `maxFiles` files of about
 * `maxBytes` each. Opened in append mode, so each write lands at the end even if another
 * process appends too; a rotation is a chain of renames, each of which either happened or not.
 */
export function openRotatingFile({ path, maxBytes, maxFiles }: RotatingFileOptions): RotatingFile {
  if (maxFiles < 1 || maxBytes < 1) throw new Error(`A rotating file needs maxFiles and maxBytes of at least 1: got ${maxFiles} files of ${maxBytes} bytes.`);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let fd = openSync(path, 'a', 0o600);
  let size = fstatSync(fd).size;
  // A process killed in the middle of a write leaves a line without its end: end it, so the next line starts clean.
  if (size > 0 && !endsWithNewline(path, size)) size += writeSync(fd, '\n');

  function rotate() {
    closeSync(fd);
    // Someone may have removed the folder (or the file) meanwhile: start them again.
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    rmSync(`${path}.${maxFiles - 1}`, { force: true });
    for (let n = maxFiles - 2; n >= 1; n--) {
      if (existsSync(`${path}.${n}`)) renameSync(`${path}.${n}`, `${path}.${n + 1}`);
    }
    if (maxFiles > 1 && existsSync(path)) renameSync(path, `${path}.1`);
    else rmSync(path, { force: true });
    fd = openSync(path, 'a', 0o600);
    size = 0;
  }

  return {
    append(lines) {
      const bytes = Buffer.from(lines);
      if (size > 0 && size + bytes.length > maxBytes) rotate();
      size += writeSync(fd, bytes);
    },
    close: () => closeSync(fd),
  };
}

function endsWithNewline(path: string, size: number): boolean {
  const fd = openSync(path, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}
