import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * The JSON report of the lines an import skipped, `{ "skipped": [{ file, line, reason }...],
 * "count": n }`, written as they come so that a file of bad lines costs no memory. The file is
 * created at the first skipped line; none when nothing was skipped.
 */
export class SkipReport {
  private fd: number | null = null;
  count = 0;

  constructor(readonly path: string) {}

  add(file: string, line: number, reason: string): void {
    this.fd ??= openSync(this.path, 'w');
    writeSync(this.fd, `${this.count === 0 ? '{"skipped":[\n' : ',\n'}${JSON.stringify({ file, line, reason })}`);
    this.count++;
  }

  /** Ends the report; returns whether one was written. */
  close(): boolean {
    if (this.fd === null) return false;
    writeSync(this.fd, `\n],"count":${this.count}}\n`);
    closeSync(this.fd);
    this.fd = null;
    return true;
  }
}
