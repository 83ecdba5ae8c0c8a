import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeChain, toLines } from '../fixtures/audit-chain.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

let dir: ReturnType<typeof makeDataDir>;
let dataDir: string;

beforeEach(() => {
  dir = makeDataDir('opsdeck-import-cli-');
  dataDir = join(dir.path, 'data');
});
afterEach(() => dir.remove());

function opsdeck(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/opsdeck.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('exit', (status) => done({ status, stdout, stderr })));
}

const write = (name: string, lines: string[]) => {
  const path = join(dir.path, name);
  writeFileSync(path, lines.map((line) => `${line}\n`).join(''));
  return path;
};
const sources = () => (existsSync(join(dataDir, 'sources')) ? readdirSync(join(dataDir, 'sources')).sort() : []);

it('imports files into a source named after the first one, which search and export then read with --source', async () => {
  const lines = toLines(makeChain(60));
  const first = write('q3-audit.ndjson', lines.slice(0, 40));
  const second = write('late.ndjson', lines.slice(30));

  const imported = await opsdeck('import', first, second, '--data-dir', dataDir);

  expect(imported.status).toBe(0);
  const db = join(dataDir, 'sources', 'q3-audit.sqlite');
  expect(imported.stdout).toBe(`Imported 60 events from 2 files into source 'q3-audit' (${db}); 10 duplicate events ignored; hash chain: 60 events, seq 1..60: every hash and link verified.\n`);
  // Each phase prints its progress, and its last line when complete (off a terminal, a line each).
  for (const line of ['Reading the files: late.ndjson (2/2) 100%: 60 events', 'Field indexes: 9 of 9 built', 'Full text: 60 of 60 events', 'Verification: 60 of 60 events checked']) {
    expect(imported.stderr).toContain(`${line}\n`);
  }
  expect(sources()).toEqual(['q3-audit.sqlite']);

  const found = await opsdeck('search', 'outcome:denied', '--source', 'q3-audit', '--data-dir', dataDir, '--json');
  expect(found.status).toBe(0);
  const denied = makeChain(60).filter((event) => event.outcome === 'denied').map((event) => event.seq);
  expect((JSON.parse(found.stdout) as { rows: Array<{ seq: number }> }).rows.map((row) => row.seq)).toEqual(denied.reverse());

  const out = join(dir.path, 'again.ndjson');
  const exported = await opsdeck('export', '', '--source', 'q3-audit', '--data-dir', dataDir, '--out', out);
  expect(exported.status).toBe(0);
  const verified = await opsdeck('verify', out);
  expect(verified.status).toBe(0);
  expect(verified.stdout).toContain('60 events on 60 lines, seq 1..60');

  const unknown = await opsdeck('search', 'x', '--source', 'nope', '--data-dir', dataDir);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain(`opsdeck: search: no imported source 'nope' in ${dataDir}`);
});

it('exits 1 naming file, line and reason when a line is invalid, and imports nothing', async () => {
  const lines = toLines(makeChain(20));
  lines[16] = lines[16]!.replace(/"id":"(usr|key|sup|scheduler)[^"]*"/, '"id":17');
  const file = write('a.ndjson', lines);

  const strict = await opsdeck('import', file, '--source', 'broken', '--data-dir', dataDir);

  expect(strict.status).toBe(1);
  expect(strict.stdout).toBe('');
  expect(strict.stderr).toContain("opsdeck import: a.ndjson:17: field 'actor.id': expected string\nNothing was imported (--skip-invalid imports the valid lines and reports the others).\n");
  expect(sources()).toEqual([]);

  const skipping = await opsdeck('import', file, '--source', 'broken', '--skip-invalid', '--data-dir', dataDir);
  expect(skipping.status).toBe(0);
  const db = join(dataDir, 'sources', 'broken.sqlite');
  expect(skipping.stdout).toBe(
    `Imported 19 events from 1 file into source 'broken' (${db}); 1 invalid line skipped, report: ${db}.import-report.json; ` +
      'hash chain: 1 problem: 1 missing range (first: missing: seq 17 (1 event) between seq 16 (evt_0000000000000vkhvldc, line 16) and seq 18 (evt_0000000000000vkhvxla, line 17)).\n',
  );
});

it('refuses an existing source unless --replace, and writes to --db PATH', async () => {
  const file = write('audit.ndjson', toLines(makeChain(5)));
  expect((await opsdeck('import', file, '--data-dir', dataDir)).status).toBe(0);

  const again = await opsdeck('import', file, '--data-dir', dataDir);
  expect(again.status).toBe(1);
  expect(again.stderr).toContain(`opsdeck import: A source already exists at ${join(dataDir, 'sources', 'audit.sqlite')}`);
  expect((await opsdeck('import', file, '--replace', '--data-dir', dataDir)).status).toBe(0);

  const path = join(dir.path, 'elsewhere.sqlite');
  const direct = await opsdeck('import', file, '--db', path);
  expect(direct.stdout).toBe(`Imported 5 events from 1 file into source 'elsewhere' (${path}); hash chain: 5 events, seq 1..5: every hash and link verified.\n`);
});

it('exits 2 on a usage mistake', async () => {
  const none = await opsdeck('import', '--data-dir', dataDir);
  expect(none.status).toBe(2);
  expect(none.stderr).toContain('opsdeck: import: expected at least one FILE.');

  const both = await opsdeck('import', 'a.ndjson', '--source', 'x', '--db', 'y.sqlite');
  expect(both.status).toBe(2);
  expect(both.stderr).toContain('opsdeck: import: give --source NAME or --db PATH, not both.');

  const nameless = await opsdeck('import', 'a.ndjson', '--source', '***', '--data-dir', dataDir);
  expect(nameless.status).toBe(2);
  expect(nameless.stderr).toContain("The source name '***' has no letters or digits");
});
