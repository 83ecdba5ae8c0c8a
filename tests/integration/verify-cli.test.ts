import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyReport } from '../../shared/audit/verify-report.ts';
import type { TestSigningKey } from '../fixtures/audit-chain.ts';
import { makeChain, makeSigningKey, manifestContext, toLines, writeExport } from '../fixtures/audit-chain.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

const verify = (args: string[]) => spawnSync(process.execPath, ['bin/opsdeck.mjs', 'verify', ...args], { encoding: 'utf8' });

let dir: ReturnType<typeof makeDataDir>;
let key: TestSigningKey;
let keyFile: string;
let lines: string[];

beforeEach(() => {
  dir = makeDataDir('opsdeck-verify-cli-');
  key = makeSigningKey();
  keyFile = join(dir.path, 'audit-key.pem');
  writeFileSync(keyFile, key.publicKeyPem);
  lines = toLines(makeChain(40));
});
afterEach(() => dir.remove());

describe('opsdeck verify', () => {
  it('exits 0 for an intact signed export, finding the manifest beside it', async () => {
    const { file } = await writeExport(dir.path, lines, { gzip: true, context: manifestContext(key) });
    const result = verify([file, '--key', keyFile]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('40 events on 40 lines, seq 1..40');
    expect(result.stdout).toContain("signature: verified. The signature verifies with key 'audit-2026'.");
    expect(result.stdout).toMatch(/^INTACT$/m);
  });

  it('exits 1 and lists the problems by seq and id', async () => {
    const tampered = lines.filter((_, index) => index !== 11);
    tampered[3] = tampered[3]!.replace('"outcome":"', '"outcome":"x');
    const { file } = await writeExport(dir.path, tampered, { manifestLines: lines, context: manifestContext(key) });
    const result = verify([file, '--key', keyFile]);
    expect(result.status).toBe(1);
    const id = (seq: number) => (JSON.parse(lines[seq - 1]!) as { id: string }).id;
    expect(result.stdout).toContain('NOT INTACT: 4 problems (1 altered, 1 missing range, 2 manifest mismatch)');
    expect(result.stdout).toContain(`line 4 seq 4 ${id(4)}: altered`);
    expect(result.stdout).toContain(`missing: seq 12 (1 event) between seq 11 (${id(11)}, line 11) and seq 13 (${id(13)}, line 12)`);
  });

  it('prints the report as JSON with --json, with an explicit manifest', async () => {
    const { file, manifest } = await writeExport(dir.path, lines, { name: 'export.ndjson', context: manifestContext(key) });
    const copy = join(dir.path, 'elsewhere.json');
    writeFileSync(copy, JSON.stringify({ ...manifest, count: 41 }));
    const result = verify([file, '--manifest', copy, '--json']);
    expect(result.status).toBe(1);
    const report = verifyReport.parse(JSON.parse(result.stdout));
    expect(report).toMatchObject({ intact: false, manifest_file: copy, signature: { status: 'no_key' } });
    expect(report.problems).toEqual([{ kind: 'manifest_mismatch', field: 'count', manifest: 41, file: 40, suggests: 'removed' }]);
  });

  it('exits 1 when the given key does not verify the signature, calling it invalid for that key', async () => {
    const { file } = await writeExport(dir.path, lines, { context: manifestContext(makeSigningKey()) });
    const text = verify([file, '--key', keyFile]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain("signature: invalid. The signature of key 'audit-2026' does not verify with the given key");
    expect(text.stdout).toMatch(/^NOT INTACT: signature invalid$/m);
    const json = verify([file, '--key', keyFile, '--json']);
    expect(verifyReport.parse(JSON.parse(json.stdout)).signature).toMatchObject({ status: 'invalid', key_id: 'audit-2026' });
  });

  it('exits 0 for an intact export re-saved with a byte order mark and CRLF line ends', async () => {
    const { manifestFile } = await writeExport(dir.path, lines, { context: manifestContext(key) });
    const file = join(dir.path, 'resaved.ndjson');
    writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
    copyFileSync(manifestFile, `${file}.manifest.json`);
    const result = verify([file, '--key', keyFile]);
    expect(result.stdout).toMatch(/^INTACT$/m);
    expect(result.status).toBe(0);
  });

  it('names the seqs a truncated file lacks and an appended one adds, in text and in --json', async () => {
    const id = (seq: number) => (JSON.parse(lines[seq - 1]!) as { id: string }).id;
    const truncated = await writeExport(dir.path, lines.slice(0, 36), { name: 'truncated.ndjson', manifestLines: lines });
    const cut = verify([truncated.file]);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toContain(`  truncated: seq 37..40 cut off after the file's last event, seq 36 (${id(36)}, line 36)`);
    expect(verifyReport.parse(JSON.parse(verify([truncated.file, '--json']).stdout)).problems).toContainEqual({
      kind: 'truncated_range',
      end: 'last',
      from_seq: 37,
      to_seq: 40,
      file_end: { seq: 36, id: id(36), line: 36 },
    });

    const more = toLines(makeChain(45)).slice(40);
    const appended = await writeExport(dir.path, [...lines, ...more], { name: 'appended.ndjson', manifestLines: lines });
    const added = verify([appended.file]);
    expect(added.status).toBe(1);
    const lastId = (JSON.parse(more[4]!) as { id: string }).id;
    expect(added.stdout).toContain(`  appended: seq 41..45 added after the manifest's last seq; the file's last event is seq 45 (${lastId}, line 45)`);
    expect(verifyReport.parse(JSON.parse(verify([appended.file, '--json']).stdout)).problems).toContainEqual({
      kind: 'appended_range',
      end: 'last',
      from_seq: 41,
      to_seq: 45,
      file_end: { seq: 45, id: lastId, line: 45 },
    });
  });

  it('exits 2 for unreadable input and for usage mistakes, saying which', () => {
    const missing = verify([join(dir.path, 'missing.ndjson')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^opsdeck verify: cannot read .*missing\.ndjson: ENOENT/);
    const badManifest = join(dir.path, 'bad.json');
    writeFileSync(badManifest, '{');
    writeFileSync(join(dir.path, 'a.ndjson'), `${lines.join('\n')}\n`);
    expect(verify([join(dir.path, 'a.ndjson'), '--manifest', badManifest]).stderr).toContain('is not JSON');
    expect(verify([]).status).toBe(2);
    const flag = verify([join(dir.path, 'a.ndjson'), '--sign']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--sign'");
  });
});
