import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'opsdeck.mjs');
let server: ChildProcess;
let output = '';
let printed: { url: string; full: string; readOnly: string };

beforeAll(async () => {
  server = spawn(process.execPath, [bin, 'demo-platform', '--port', '0', '--seed', '3', '--tenants', '8', '--events', '1500'], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((done, fail) => {
    server.stdout!.on('data', () => output.includes('Press Ctrl+C') && done());
    server.once('exit', (code) => fail(new Error(`demo-platform exited with ${code}: ${output}`)));
  });
  printed = {
    url: /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!,
    full: /full-access token:\s+(\S+)/.exec(output)![1]!,
    readOnly: /read-only token:\s+(\S+)/.exec(output)![1]!,
  };
});

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGTERM');
});

it('prints its URL and a token per scope set', () => {
  expect(output).toMatch(/Generated in \d+\.\d s\./);
  expect(printed.full).toMatch(/^opsdeck_demo_full_[0-9a-f]{32}$/);
  expect(printed.readOnly).toMatch(/^opsdeck_demo_read_[0-9a-f]{32}$/);
});

it('passes `opsdeck conformance` with exit status 0', () => {
  const result = spawnSync(process.execPath, [bin, 'conformance', '--base-url', printed.url, '--token', printed.readOnly, '--write-token', printed.full, '--audit-events', '1500'], { encoding: 'utf8' });
  expect(result.status, result.stdout + result.stderr).toBe(0);
  const lines = result.stdout.trim().split('\n');
  expect(lines.slice(0, -1).every((line) => /^(ok {2}|skip|FAIL) /.test(line))).toBe(true);
  expect(lines.at(-1)).toMatch(/^\d+ checks: \d+ passed, 0 failed, 0 skipped$/);
});

it('exits 1 when checks fail and 2 for usage errors', () => {
  const wrongToken = spawnSync(process.execPath, [bin, 'conformance', '--base-url', printed.url, '--token', 'not-a-token'], { encoding: 'utf8' });
  expect(wrongToken.status).toBe(1);
  expect(wrongToken.stdout).toMatch(/FAIL the server answers/);
  const usage = spawnSync(process.execPath, [bin, 'conformance', '--token', 'x'], { encoding: 'utf8' });
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain('--base-url');
  const badFlag = spawnSync(process.execPath, [bin, 'demo-platform', '--tenants', 'many'], { encoding: 'utf8' });
  expect(badFlag.status).toBe(2);
  expect(badFlag.stderr).toContain("--tenants must be a whole number from 1 to 100000, got 'many'");
});

it('stops cleanly on SIGINT', async () => {
  const exited = new Promise<number | null>((done) => server.once('exit', (code) => done(code)));
  server.kill('SIGINT');
  expect(await exited).toBe(0);
});
