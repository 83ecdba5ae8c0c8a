import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { logFileName, openLogger } from '../../electron/services/logging/logger.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function logDir(): string {
  const dir = makeDataDir();
  cleanups.push(dir.remove);
  return join(dir.path, 'logs');
}

/** The log's files, oldest first: opsdeck.log.2, opsdeck.log.1, opsdeck.log. */
function logFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort((a, b) => rank(b) - rank(a))
    .map((name) => join(dir, name));
}
const rank = (name: string) => Number(/\.(\d+)$/.exec(name)?.[1] ?? 0);
const linesOf = (dir: string) => logFiles(dir).flatMap((path) => readFileSync(path, 'utf8').split('\n').filter((line) => line !== ''));
const entryNumbers = (lines: string[]) => lines.map((line) => Number(/ entry (\d+)/.exec(line)?.[1]));

describe('the log file', () => {
  it('rotates by size and keeps a bounded number of files, newest entries last', () => {
    const dir = logDir();
    const log = openLogger({ dir, maxBytes: 1_000, maxFiles: 3, echo: () => {} });
    for (let n = 0; n < 200; n++) log.info(`entry ${n} ${'x'.repeat(40)}`);
    log.close();

    expect(readdirSync(dir).sort()).toEqual([logFileName, `${logFileName}.1`, `${logFileName}.2`]);
    for (const path of logFiles(dir)) expect(readFileSync(path).length).toBeLessThanOrEqual(1_000);
    const kept = entryNumbers(linesOf(dir));
    expect(kept.at(-1)).toBe(199);
    expect(kept).toEqual(kept.map((_, index) => kept[0]! + index));
    expect(kept.length).toBeGreaterThan(30);
  });

  it('writes one line per entry with the clock’s time and the level, and continues the file on reopen', () => {
    const dir = logDir();
    const at = Date.parse('2031-02-03T04:05:06.789Z');
    const first = openLogger({ dir, clock: () => at, echo: () => {} });
    first.warn('first line\nwith a second');
    first.close();
    const second = openLogger({ dir, clock: () => at + 1_000, echo: () => {} });
    second.error('after reopening');
    second.close();
    expect(readFileSync(join(dir, logFileName), 'utf8')).toBe('2031-02-03T04:05:06.789Z WARN first line\\nwith a second\n2031-02-03T04:05:07.789Z ERROR after reopening\n');
  });

  it('echoes warnings and errors, not info, with secrets redacted there too', () => {
    const dir = logDir();
    const echoed: string[] = [];
    const log = openLogger({ dir, echo: (line) => echoed.push(line) });
    log.rememberSecret('pw-known-0001');
    log.info('started');
    log.warn('redis://:pw-known-0001@127.0.0.1:6379 refused AUTH pw-known-0001');
    log.close();
    expect(echoed).toEqual(['redis://:[redacted]@127.0.0.1:6379 refused AUTH [redacted]']);
    expect(readFileSync(join(dir, logFileName), 'utf8')).not.toContain('pw-known-0001');
  });

  it('cuts a runaway message instead of rotating the useful entries away', () => {
    const dir = logDir();
    const log = openLogger({ dir, maxBytes: 100_000, echo: () => {} });
    log.info('before');
    log.warn('y'.repeat(200_000));
    log.close();
    const text = readFileSync(join(dir, logFileName), 'utf8');
    expect(text).toContain('INFO before');
    expect(text).toMatch(/y… \(192000 more characters\)\n$/);
    expect(text.length).toBeLessThan(9_000);
  });

  it('survives a kill -9 mid-logging: every kept line is whole, none lost between files, and the next run appends cleanly', async () => {
    const dir = logDir();
    const writer = spawn(process.execPath, ['tests/fixtures/log-writer.ts', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((done) => createInterface({ input: writer.stdout! }).on('line', (line) => line === 'ready' && done()));
    await new Promise((wait) => setTimeout(wait, 300));
    writer.kill('SIGKILL');
    await new Promise((done) => writer.on('exit', done));

    expect(readdirSync(dir).length).toBeLessThanOrEqual(3);
    const lines = linesOf(dir);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO entry \d+ x*$/);
    const kept = entryNumbers(lines);
    expect(kept.length).toBeGreaterThan(20);
    expect(kept).toEqual(kept.map((_, index) => kept[0]! + index));

    const after = openLogger({ dir, echo: () => {} });
    after.info('after the crash');
    after.close();
    expect(linesOf(dir).at(-1)).toMatch(/ INFO after the crash$/);
  });

  it('ends a line torn by a power cut before appending, so the next entry stands on its own line', () => {
    const dir = logDir();
    const log = openLogger({ dir, echo: () => {} });
    log.info('whole');
    log.close();
    appendFileSync(join(dir, logFileName), '2031-02-03T04:05:06.789Z INFO torn in the mid');
    const next = openLogger({ dir, echo: () => {} });
    next.info('next entry');
    next.close();
    const lines = readFileSync(join(dir, logFileName), 'utf8').split('\n');
    expect(lines[1]).toBe('2031-02-03T04:05:06.789Z INFO torn in the mid');
    expect(lines[2]).toMatch(/^\S+Z INFO next entry$/);
  });

  it('starts the folder again at the next rotation when it was removed while logging', () => {
    const dir = logDir();
    const echoed: string[] = [];
    const log = openLogger({ dir, maxBytes: 200, maxFiles: 2, echo: (line) => echoed.push(line) });
    log.info('before the folder went');
    rmSync(dir, { recursive: true });
    for (let n = 0; n < 10; n++) log.info(`entry ${n} ${'x'.repeat(40)}`);
    log.close();
    expect(echoed).toEqual([]);
    expect(entryNumbers(linesOf(dir)).at(-1)).toBe(9);
  });

  it('keeps logging to the echo when the log folder cannot be made, and says why once', () => {
    const dir = logDir();
    writeFileSync(join(dir, '..', 'blocker'), 'a file where the folder should be');
    const echoed: string[] = [];
    const log = openLogger({ dir: join(dir, '..', 'blocker', 'logs'), echo: (line) => echoed.push(line) });
    log.warn('still heard');
    log.close();
    expect(echoed).toHaveLength(2);
    expect(echoed[0]).toMatch(/^Opsdeck keeps no log file this session: cannot open .*blocker\/logs\/opsdeck\.log: .*(ENOTDIR|EEXIST)/);
    expect(echoed[1]).toBe('still heard');
  });
});
