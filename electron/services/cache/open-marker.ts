import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** This process's mark on a cache it holds open, and what earlier processes left. */
export interface OpenMarker {
  /** A process that had the cache open ended without closing it: killed, crashed, or the machine lost power. */
  readonly uncleanBefore: boolean;
  /** Forgets the marks the unclean ends left, once their consequences are dealt with. */
  clearUnclean(): void;
  /** Removes this process's mark: the cache was closed cleanly. */
  markClosed(): void;
}

/**
 * Marks the cache at `path` as open by this process: a file `<path>.open-<pid>` beside it,
 * flushed to the disk with its directory, so it survives a power cut. A clean close removes
 * it. A mark whose process no longer runs tells that the cache was last left without a close.
 */
export function markCacheOpen(path: string): OpenMarker {
  const dir = dirname(path);
  const prefix = `${basename(path)}.open-`;
  mkdirSync(dir, { recursive: true }); // a new profile's cache folder may not exist yet
  const unclean = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && !isRunning(Number(name.slice(prefix.length))))
    .map((name) => join(dir, name));
  const own = `${path}.open-${process.pid}`;
  writeDurably(own, `${new Date().toISOString()}\n`, dir);
  return {
    uncleanBefore: unclean.length > 0,
    clearUnclean: () => unclean.forEach((marker) => rmSync(marker, { force: true })),
    markClosed: () => rmSync(own, { force: true }),
  };
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // running, as another user
  }
}

function writeDurably(path: string, content: string, dir: string): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
