// The yardstick every speed figure is divided by: reading a file and JSON.parse of each of its
// lines on one thread, in events per second, measured in the same run as the figure. These
// 2-core machines differ by ~1.6x from one to the next and slow down while others use them, so
// an absolute events/s says little; the ratio to this says how much of the machine the work uses.
import { closeSync, openSync, readSync } from 'node:fs';

/** A file of JSON lines and how many events they hold (one a line, or a feed page's worth). */
export interface BaselineInput {
  file: string;
  events: number;
}

const chunkBytes = 1 << 20;
const lineBreak = 0x0a;

/**
 * Times `work` between two measurements of the baseline on `input`, and gives their mean, so a
 * machine that slows down (or speeds up) during the run moves the baseline with the figure.
 */
export async function againstBaseline<T>(input: BaselineInput, work: () => Promise<T>): Promise<{ result: T; seconds: number; baseline: number }> {
  const before = parseRate(input);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const after = parseRate(input);
  return { result, seconds, baseline: Math.round((before + after) / 2) };
}

/** Events per second of reading the file and JSON.parse of each line, on this thread. */
export function parseRate({ file, events }: BaselineInput): number {
  const started = performance.now();
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    let rest = Buffer.alloc(0);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const bytes = rest.length === 0 ? chunk.subarray(0, read) : Buffer.concat([rest, chunk.subarray(0, read)]);
      const end = parseLines(bytes);
      rest = Buffer.from(bytes.subarray(end));
    }
    parseLines(Buffer.concat([rest, Buffer.from('\n')]));
  } finally {
    closeSync(fd);
  }
  return Math.round(events / ((performance.now() - started) / 1000));
}

/** Parses every whole line of `bytes` (blank ones skipped); returns where the unfinished last one starts. */
function parseLines(bytes: Buffer): number {
  let start = 0;
  for (let end = bytes.indexOf(lineBreak); end >= 0; end = bytes.indexOf(lineBreak, start)) {
    if (end > start) JSON.parse(bytes.toString('utf8', start, end));
    start = end + 1;
  }
  return start;
}
