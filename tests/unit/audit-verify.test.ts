import { createHash } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VerifyProblem, VerifyReport } from '../../shared/audit/verify-report.ts';
import { verifyReport } from '../../shared/audit/verify-report.ts';
import { readPublicKeys } from '../../electron/services/audit/public-keys.ts';
import { UnreadableInputError } from '../../electron/services/audit/unreadable-input-error.ts';
import { verifyExportFile } from '../../electron/services/audit/verify-export-file.ts';
import type { TestEvent, TestSigningKey } from '../fixtures/audit-chain.ts';
import { makeChain, makeSigningKey, manifestContext, seal, toLines, writeExport } from '../fixtures/audit-chain.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

let dir: ReturnType<typeof makeDataDir>;
let key: TestSigningKey;
let events: TestEvent[];
let lines: string[];

beforeEach(() => {
  dir = makeDataDir('opsdeck-verify-');
  key = makeSigningKey();
  events = makeChain(30);
  lines = toLines(events);
});
afterEach(() => dir.remove());

function writeKey(name: string, text: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
}

/** Writes `tampered` with the manifest of the untampered lines, signed, and verifies it with the signing key. */
async function verifyTampered(tampered: string[], options: { gzip?: boolean; query?: Record<string, unknown> } = {}): Promise<VerifyReport> {
  const written = await writeExport(dir.path, tampered, { gzip: options.gzip, manifestLines: lines, context: manifestContext(key, options.query) });
  const report = await verifyExportFile(written.file, { keys: await readPublicKeys(writeKey('key.pem', key.publicKeyPem)) });
  expect(verifyReport.parse(report)).toEqual(report);
  return report;
}

const kinds = (report: VerifyReport) => report.problems.map((problem) => problem.kind);
const ofKind = <K extends VerifyProblem['kind']>(report: VerifyReport, kind: K) =>
  report.problems.filter((problem): problem is Extract<VerifyProblem, { kind: K }> => problem.kind === kind);
const event = (seq: number) => events[seq - 1]!;

describe('verifyExportFile', () => {
  it('finds an untouched signed export intact and complete', async () => {
    const report = await verifyTampered(lines);
    expect(report).toMatchObject({ intact: true, lines: 30, events: 30, first_seq: 1, last_seq: 30, filtered: false, seq_gaps: 0, problems: [] });
    expect(report.completeness.status).toBe('proven');
    expect(report.signature).toMatchObject({ status: 'verified', key_id: 'audit-2026' });
  });

  it('reports an altered event by seq, id and line', async () => {
    const tampered = [...lines];
    tampered[4] = JSON.stringify({ ...event(5), outcome: 'success', ip: '198.51.100.7' });
    const report = await verifyTampered(tampered);
    expect(report.intact).toBe(false);
    expect(ofKind(report, 'altered')).toEqual([
      expect.objectContaining({ seq: 5, id: event(5).id, line: 5, stated_hash: event(5).hash, computed_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    expect(kinds(report)).toEqual(['altered', 'manifest_mismatch']);
    expect(ofKind(report, 'manifest_mismatch')[0]).toMatchObject({ field: 'sha256', suggests: 'changed' });
  });

  it('reports a re-hashed forgery as a chain break at the next seq', async () => {
    const tampered = [...lines];
    tampered[4] = JSON.stringify(seal({ ...event(5), actor: { type: 'system', id: 'nobody' } }));
    const report = await verifyTampered(tampered);
    expect(ofKind(report, 'altered')).toEqual([]);
    expect(ofKind(report, 'chain_break')).toEqual([
      expect.objectContaining({ seq: 6, id: event(6).id, line: 6, previous: { seq: 5, id: event(5).id, line: 5 }, stated_prev_hash: event(5).hash }),
    ]);
  });

  it('reports a deleted line as a missing range between its neighbours', async () => {
    const tampered = lines.filter((_, index) => index !== 9);
    const report = await verifyTampered(tampered);
    expect(ofKind(report, 'missing_range')).toEqual([
      {
        kind: 'missing_range',
        from_seq: 10,
        to_seq: 10,
        count: 1,
        before: { seq: 9, id: event(9).id, line: 9 },
        after: { seq: 11, id: event(11).id, line: 10 },
        chain_linked: false,
      },
    ]);
    expect(ofKind(report, 'manifest_mismatch').map((mismatch) => [mismatch.field, mismatch.suggests])).toEqual([
      ['count', 'removed'],
      ['sha256', 'changed'],
    ]);
    expect(report.completeness.status).toBe('broken');
  });

  it('reports swapped lines as one out-of-order event, with every link still checked', async () => {
    const tampered = [...lines];
    [tampered[3], tampered[4]] = [tampered[4]!, tampered[3]!];
    const report = await verifyTampered(tampered);
    expect(ofKind(report, 'out_of_order')).toEqual([
      { kind: 'out_of_order', seq: 4, id: event(4).id, line: 5, follows: { seq: 5, id: event(5).id, line: 4 } },
    ]);
    expect(kinds(report)).toEqual(['out_of_order', 'manifest_mismatch']);
  });

  it('reports an event moved far away once, not every event after it', async () => {
    const tampered = [lines[19]!, ...lines.filter((_, index) => index !== 19)];
    const report = await verifyTampered(tampered);
    expect(ofKind(report, 'out_of_order')).toEqual([expect.objectContaining({ seq: 1, line: 2, follows: expect.objectContaining({ seq: 20, line: 1 }) })]);
    expect(ofKind(report, 'chain_break')).toEqual([]);
    expect(ofKind(report, 'missing_range')).toEqual([]);
  });

  it('reports a duplicated line with the line it repeats', async () => {
    const tampered = [...lines.slice(0, 8), lines[6]!, ...lines.slice(8)];
    const report = await verifyTampered(tampered);
    expect(ofKind(report, 'duplicate')).toEqual([{ kind: 'duplicate', seq: 7, id: event(7).id, line: 9, first_line: 7 }]);
    expect(ofKind(report, 'manifest_mismatch')[0]).toMatchObject({ field: 'count', manifest: 30, file: 31, suggests: 'added' });
  });

  it('reports truncation through the manifest, naming the seqs cut off', async () => {
    const report = await verifyTampered(lines.slice(0, 27));
    expect(ofKind(report, 'manifest_mismatch').map(({ field, manifest, file, suggests }) => ({ field, manifest, file, suggests }))).toEqual([
      { field: 'count', manifest: 30, file: 27, suggests: 'removed' },
      { field: 'last_seq', manifest: 30, file: 27, suggests: 'truncated' },
      { field: 'last_hash', manifest: event(30).hash, file: event(27).hash, suggests: 'changed' },
      { field: 'sha256', manifest: expect.any(String), file: expect.any(String), suggests: 'changed' },
    ]);
    expect(ofKind(report, 'truncated_range')).toEqual([
      { kind: 'truncated_range', end: 'last', from_seq: 28, to_seq: 30, file_end: { seq: 27, id: event(27).id, line: 27 } },
    ]);
    expect(kinds(report).every((kind) => kind === 'manifest_mismatch' || kind === 'truncated_range')).toBe(true);
  });

  it('names the seqs cut from the start and the end', async () => {
    const report = await verifyTampered(lines.slice(5, 29));
    expect(ofKind(report, 'truncated_range')).toEqual([
      { kind: 'truncated_range', end: 'first', from_seq: 1, to_seq: 5, file_end: { seq: 6, id: event(6).id, line: 1 } },
      { kind: 'truncated_range', end: 'last', from_seq: 30, to_seq: 30, file_end: { seq: 29, id: event(29).id, line: 24 } },
    ]);
    expect(ofKind(report, 'appended_range')).toEqual([]);
  });

  it('reports validly chained appended events through the manifest, naming the seqs added', async () => {
    const extra = makeChain(2, 31, event(30).hash);
    const report = await verifyTampered([...lines, ...toLines(extra)]);
    expect(ofKind(report, 'manifest_mismatch').map(({ field, suggests }) => [field, suggests])).toEqual([
      ['count', 'added'],
      ['last_seq', 'appended'],
      ['last_hash', 'changed'],
      ['sha256', 'changed'],
    ]);
    expect(ofKind(report, 'appended_range')).toEqual([
      { kind: 'appended_range', end: 'last', from_seq: 31, to_seq: 32, file_end: { seq: 32, id: extra[1]!.id, line: 32 } },
    ]);
    expect(report.last_seq).toBe(32);
  });

  it('names the seqs added before the start of the manifest', async () => {
    const written = await writeExport(dir.path, lines, { manifestLines: lines.slice(4) });
    const report = await verifyExportFile(written.file);
    expect(ofKind(report, 'appended_range')).toEqual([
      { kind: 'appended_range', end: 'first', from_seq: 1, to_seq: 4, file_end: { seq: 1, id: event(1).id, line: 1 } },
    ]);
    expect(ofKind(report, 'truncated_range')).toEqual([]);
  });

  it('reports a manifest changed after signing as an invalid signature', async () => {
    const written = await writeExport(dir.path, lines, { context: manifestContext(key) });
    writeFileSync(written.manifestFile, JSON.stringify({ ...written.manifest, created_at: '2027-01-01T00:00:00.000Z' }));
    const keys = [{ keyId: key.keyId, key: (await readPublicKeys(writeKey('key.pem', key.publicKeyPem)))[0]!.key }];
    const report = await verifyExportFile(written.file, { keys });
    expect(report.signature.status).toBe('invalid');
    expect(report.problems).toEqual([]);
    expect(report.intact).toBe(false);
  });

  it('reports a signature that a given key without an id does not verify as invalid, naming the key id', async () => {
    const written = await writeExport(dir.path, lines, { context: manifestContext(key) });
    const other = makeSigningKey('audit-2026');
    const report = await verifyExportFile(written.file, { keys: await readPublicKeys(writeKey('other.pem', other.publicKeyPem)) });
    expect(report.signature).toEqual({ status: 'invalid', key_id: 'audit-2026', detail: expect.stringContaining("key 'audit-2026'") });
    expect(report.signature.detail).toMatch(/does not verify with the given key/);
    expect(report.intact).toBe(false);
  });

  it('reports a signature from another key: invalid under the same id, unknown when no given key has its id', async () => {
    const written = await writeExport(dir.path, lines, { context: manifestContext(key) });
    const other = makeSigningKey('audit-2026');
    const listed = JSON.stringify({ data: [{ key_id: 'audit-2026', alg: 'ed25519', public_key_pem: other.publicKeyPem }] });
    const sameId = await verifyExportFile(written.file, { keys: await readPublicKeys(writeKey('keys.json', listed)) });
    expect(sameId.signature.status).toBe('invalid');
    const otherId = JSON.stringify({ data: [{ key_id: 'audit-2025', alg: 'ed25519', public_key_pem: key.publicKeyPem }] });
    const unknown = await verifyExportFile(written.file, { keys: await readPublicKeys(writeKey('old.json', otherId)) });
    expect(unknown.signature).toMatchObject({ status: 'unknown_key', key_id: 'audit-2026' });
    expect(unknown.intact).toBe(false);
  });

  it('says a signed manifest was not checked when no key is given, without failing the file', async () => {
    const written = await writeExport(dir.path, lines, { context: manifestContext(key) });
    const report = await verifyExportFile(written.file);
    expect(report.signature.status).toBe('no_key');
    expect(report.intact).toBe(true);
  });

  it('reports an unparseable line by number, and the seq it leaves missing', async () => {
    const tampered = [...lines];
    tampered[2] = tampered[2]!.slice(0, 100);
    const report = await verifyTampered(tampered);
    expect(ofKind(report, 'unreadable_line')).toEqual([{ kind: 'unreadable_line', line: 3, seq: null, id: null, reason: expect.stringMatching(/^not JSON: /) }]);
    expect(ofKind(report, 'missing_range')).toEqual([expect.objectContaining({ from_seq: 3, to_seq: 3 })]);
  });

  it('reports blank lines, non-events and unhashable events', async () => {
    const tampered = [...lines];
    tampered.splice(5, 0, '');
    tampered.splice(8, 0, JSON.stringify({ id: 'evt_x', seq: 'eight' }));
    tampered[20] = JSON.stringify({ ...event(19), note: 'lone \ud800' });
    const report = await verifyTampered(tampered);
    expect(ofKind(report, 'unreadable_line')).toEqual([
      { kind: 'unreadable_line', line: 6, seq: null, id: null, reason: 'blank line' },
      { kind: 'unreadable_line', line: 9, seq: null, id: 'evt_x', reason: 'not an audit event: seq is not a whole number >= 1' },
    ]);
    expect(ofKind(report, 'altered')).toEqual([expect.objectContaining({ seq: 19, line: 21, computed_hash: null, reason: expect.stringContaining('$.note: a string holds a lone surrogate') })]);
  });

  it('checks that seq 1 starts from the genesis hash', async () => {
    const forged = seal({ ...event(1), prev_hash: 'f'.repeat(64) });
    const report = await verifyTampered([JSON.stringify(forged), ...lines.slice(1)]);
    expect(ofKind(report, 'chain_break')).toEqual([
      expect.objectContaining({ seq: 1, previous: null, expected_prev_hash: '0'.repeat(64) }),
      expect.objectContaining({ seq: 2, previous: expect.objectContaining({ seq: 1 }) }),
    ]);
  });

  it('reads gzip exports, by magic bytes rather than name, and finds tampering in them', async () => {
    expect((await verifyTampered(lines, { gzip: true })).intact).toBe(true);
    const tampered = lines.filter((_, index) => index !== 14);
    const report = await verifyTampered(tampered, { gzip: true });
    expect(ofKind(report, 'missing_range')).toEqual([expect.objectContaining({ from_seq: 15, to_seq: 15 })]);
    const unnamed = join(dir.path, 'plain-name.ndjson');
    writeFileSync(unnamed, gzipSync(`${lines.join('\n')}\n`));
    expect(await verifyExportFile(unnamed)).toMatchObject({ intact: true, events: 30 });
  });

  it('verifies an export re-saved by a Windows editor (byte order mark, CRLF line ends) as intact, plain and gzip', async () => {
    const written = await writeExport(dir.path, lines, { context: manifestContext(key) });
    const keys = await readPublicKeys(writeKey('key.pem', key.publicKeyPem));
    const resaved = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
    for (const [name, bytes] of [['notepad.ndjson', resaved], ['notepad.ndjson.gz', gzipSync(resaved)]] as const) {
      const file = join(dir.path, name);
      writeFileSync(file, bytes);
      copyFileSync(written.manifestFile, `${file}.manifest.json`);
      const report = await verifyExportFile(file, { keys });
      expect(report, name).toMatchObject({ intact: true, lines: 30, events: 30, sha256: written.manifest.sha256, problems: [], signature: { status: 'verified' } });
      expect(report.completeness.status, name).toBe('proven');
    }
  });

  it('hashes a CRLF file as its LF content when a CR and its LF fall in different read chunks', async () => {
    const chunkBytes = 2 ** 20;
    const longLines = toLines(makeChain(1_700));
    const unpadded = `\uFEFF${longLines.join('\r\n')}\r\n`;
    // Leading spaces on line 1 (whitespace, not content) put a CR at the last byte of the first chunk.
    const padding = ' '.repeat(chunkBytes - 1 - Buffer.from(unpadded).lastIndexOf('\r', chunkBytes - 1));
    const bytes = Buffer.from(`\uFEFF${padding}${longLines.join('\r\n')}\r\n`);
    expect(bytes[chunkBytes - 1]).toBe(0x0d);
    const file = writeKey('straddle.ndjson', '');
    writeFileSync(file, bytes);
    const report = await verifyExportFile(file);
    expect(report).toMatchObject({ intact: true, lines: 1_700, events: 1_700, problems: [] });
    expect(report.sha256).toBe(createHash('sha256').update(`${padding}${longLines.join('\n')}\n`).digest('hex'));
  });

  it('proves each event of a filtered export but says completeness is not proven', async () => {
    const filtered = lines.filter((_, index) => index % 3 === 0);
    const written = await writeExport(dir.path, filtered, { context: manifestContext(key, { tenant: 'ten_qqqqq1' }) });
    const keys = await readPublicKeys(writeKey('key.pem', key.publicKeyPem));
    const report = await verifyExportFile(written.file, { keys });
    expect(report).toMatchObject({ intact: true, filtered: true, seq_gaps: 9, problems: [] });
    expect(report.completeness.status).toBe('not_proven');
    expect(report.completeness.detail).toContain('filtered export');

    const altered = [...filtered];
    altered[2] = altered[2]!.replace('"outcome":"success"', '"outcome":"failure"');
    const tamperedExport = await writeExport(dir.path, altered, { name: 'altered.ndjson', manifestLines: filtered, context: manifestContext(key, { tenant: 'x' }) });
    expect(ofKind(await verifyExportFile(tamperedExport.file, { keys }), 'altered')).toEqual([expect.objectContaining({ seq: 7, line: 3 })]);
  });

  it('treats the gaps of a file without a manifest as missing, since removal and filtering look the same', async () => {
    const file = join(dir.path, 'bare.ndjson');
    writeFileSync(file, `${lines.filter((_, index) => index % 3 === 0).join('\n')}\n`);
    const report = await verifyExportFile(file);
    expect(report.manifest_file).toBeNull();
    expect(report.signature.status).toBe('absent');
    expect(ofKind(report, 'missing_range')).toHaveLength(9);
  });

  it('calls a contiguous file without a manifest intact with unproven ends', async () => {
    const file = join(dir.path, 'bare.ndjson');
    writeFileSync(file, `${lines.slice(4, 20).join('\n')}\n`);
    const report = await verifyExportFile(file);
    expect(report).toMatchObject({ intact: true, first_seq: 5, last_seq: 20, problems: [] });
    expect(report.completeness.status).toBe('ends_unproven');
  });

  it('reports the same on worker threads as on this one', async () => {
    const tampered = [...lines];
    tampered[4] = tampered[4]!.replace('"outcome":"', '"outcome":"x');
    tampered.splice(10, 1);
    [tampered[20], tampered[21]] = [tampered[21]!, tampered[20]!];
    const { file } = await writeExport(dir.path, tampered, { manifestLines: lines });
    const inline = await verifyExportFile(file, { workers: 0 });
    expect(inline.problems.length).toBeGreaterThan(3);
    expect(await verifyExportFile(file, { workers: 2 })).toEqual(inline);
  });

  it('verifies an empty export', async () => {
    const written = await writeExport(dir.path, [], { context: manifestContext(key) });
    const report = await verifyExportFile(written.file, { keys: await readPublicKeys(writeKey('key.pem', key.publicKeyPem)) });
    expect(report).toMatchObject({ intact: true, events: 0, lines: 0, first_seq: null, signature: { status: 'verified' } });
  });

  it('throws UnreadableInputError naming the file for a missing file, broken gzip or invalid manifest', async () => {
    await expect(verifyExportFile(join(dir.path, 'none.ndjson'))).rejects.toThrow(/none\.ndjson: ENOENT/);
    const broken = join(dir.path, 'broken.ndjson.gz');
    writeFileSync(broken, gzipSync(lines.join('\n')).subarray(0, 200));
    await expect(verifyExportFile(broken)).rejects.toBeInstanceOf(UnreadableInputError);
    const written = await writeExport(dir.path, lines);
    writeFileSync(written.manifestFile, JSON.stringify({ ...written.manifest, count: -1 }));
    await expect(verifyExportFile(written.file)).rejects.toThrow(/manifest .*audit\.ndjson\.manifest\.json is not an audit export manifest: count:/);
    await expect(readPublicKeys(writeKey('bad.pem', 'nope'))).rejects.toThrow(/key file .*bad\.pem/);
  });
});
