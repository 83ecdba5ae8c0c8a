import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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

  it('exits 1 when the key does not verify the signature', async () => {
    const { file } = await writeExport(dir.path, lines, { context: manifestContext(makeSigningKey()) });
    const result = verify([file, '--key', keyFile, '--json']);
    expect(result.status).toBe(1);
    expect(verifyReport.parse(JSON.parse(result.stdout)).signature.status).toBe('unknown_key');
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
