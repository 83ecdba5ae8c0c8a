import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { makeDataDir } from '../fixtures/data-dir.ts';

const cli = (args: string[]) => spawnSync(process.execPath, ['bin/opsdeck.mjs', ...args], { encoding: 'utf8' });

describe('opsdeck CLI', () => {
  it('--help lists the commands and exits 0', () => {
    const result = cli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: opsdeck <command> \[options\]/);
    expect(result.stdout).toContain('opsdeck serve [--port N] [--open] [--data-dir DIR]');
  });

  it('an unknown command is a usage error with exit 2', () => {
    const result = cli(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("opsdeck: Unknown command 'frobnicate'.");
  });

  it('a bad flag or value is a usage error with exit 2, naming it', () => {
    const unknown = cli(['serve', '--prot', '80']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--prot'");
    const badPort = cli(['serve', '--port', '99999']);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain("--port must be a whole number from 0 to 65535, got '99999'");
  });

  it('serve prints a tokened loopback URL that answers, and stops on SIGTERM', async () => {
    const dataDir = makeDataDir();
    const child = spawn(process.execPath, ['bin/opsdeck.mjs', 'serve', '--data-dir', dataDir.path], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((done) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const match = /^Opsdeck is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
        if (match) done(match[1]!);
      });
    });
    const withToken = await fetch(url, { redirect: 'manual' });
    expect(withToken.status).toBe(303);
    expect((await fetch(new URL(url).origin)).status).toBe(401);
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    dataDir.remove();
  });
});
