import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportManifest } from '../../shared/audit/export-manifest.ts';
import type { ExportManifest } from '../../shared/audit/export-manifest.ts';
import { readExportManifest } from '../../electron/services/audit/read-export-manifest.ts';
import { UnreadableInputError } from '../../electron/services/audit/unreadable-input-error.ts';
import { makeChain, makeSigningKey, manifestContext, toLines, writeExport } from '../fixtures/audit-chain.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { byteChange, changedBytes, fuzzed } from '../fixtures/fuzz.ts';

// Bad input, fuzzed: the export manifest reader. Whatever bytes lie in `<file>.manifest.json`,
// it returns a valid manifest or throws an UnreadableInputError naming the file and saying where
// the text breaks (JSON's position, line and column) or which field is wrong.

const dir = makeDataDir('opsdeck-manifest-fuzz-');
const path = join(dir.path, 'audit.ndjson.manifest.json');
let valid: Buffer;
let manifest: ExportManifest;

beforeAll(async () => {
  const written = await writeExport(dir.path, toLines(makeChain(5)), { context: manifestContext(makeSigningKey(), { action: 'invoice.*' }) });
  valid = readFileSync(written.manifestFile);
  manifest = written.manifest;
});
afterAll(() => dir.remove());

type Read = { ok: true; manifest: ExportManifest } | { ok: false; message: string };

async function read(content: Buffer | string): Promise<Read> {
  writeFileSync(path, content);
  try {
    return { ok: true, manifest: await readExportManifest(path) };
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableInputError);
    const { message } = error as Error;
    expect(message).toContain(path);
    return { ok: false, message };
  }
}

/** Where the reader says the trouble is: JSON's position, the end of the text, or the field. */
const saysWhere = (message: string) =>
  /is not JSON: .* at position \d+ \(line \d+ column \d+\)/s.test(message) || /is not an audit export manifest: (it is nested|[\w.]+|\(top level\)): /.test(message);

const changed = fc.array(byteChange, { minLength: 1, maxLength: 3 }).map((changes) => changedBytes(valid, changes));
/** A valid manifest with one member set to any JSON value at all. */
const oneMemberWrong = fc
  .tuple(fc.constantFrom('format', 'count', 'first_seq', 'last_seq', 'first_prev_hash', 'last_hash', 'sha256', 'created_at', 'source', 'query', 'signature', 'extra'), fc.jsonValue({ maxDepth: 4 }))
  .map(([member, value]) => Buffer.from(JSON.stringify({ ...manifest, [member]: value })));

describe('export manifest reader, fuzzed', () => {
  it('reads a changed manifest as valid or refuses it naming the file and where it breaks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(changed, oneMemberWrong, fc.jsonValue().map((value) => JSON.stringify(value) ?? '')), async (content) => {
        const result = await read(content);
        if (result.ok) expect(exportManifest.safeParse(result.manifest).success).toBe(true);
        else expect(saysWhere(result.message), result.message).toBe(true);
      }),
      fuzzed('manifest reader', 300),
    );
  });

  it('accepts a byte order mark and CRLF line ends, as an editor on Windows saves it', async () => {
    const resaved = `\uFEFF${valid.toString('utf8').replaceAll('\n', '\r\n')}`;
    expect(await read(resaved)).toEqual({ ok: true, manifest });
  });

  it('refuses JSON nested past 1000 levels without overflowing the stack, and a file over 1 MB without reading it', async () => {
    const deep = JSON.stringify({ ...manifest, extra: 'deep' }).replace('"deep"', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(await read(deep)).toEqual({ ok: false, message: `manifest ${path} is not an audit export manifest: it is nested deeper than 1000 levels` });
    expect(await read(Buffer.alloc(2 << 20, ' '))).toEqual({ ok: false, message: `cannot read manifest ${path}: it is 2.0 MB, more than the 1.0 MB a manifest may be` });
  });

  it('says where a truncated or mis-encoded manifest breaks', async () => {
    expect(await read(valid.subarray(0, 40))).toEqual({ ok: false, message: `manifest ${path} is not JSON: Expected double-quoted property name in JSON at position 40 (line 3 column 1)` });
    expect(await read('\n\n')).toEqual({ ok: false, message: `manifest ${path} is not JSON: Unexpected end of JSON input at position 2 (line 3 column 1)` });
    const latin = Buffer.from(valid);
    latin[1] = 0xff;
    expect(await read(latin)).toMatchObject({ ok: false, message: expect.stringMatching(/is not JSON: .*position 1 \(line 1 column 2\)/) });
    latin[0] = 0xff;
    expect(await read(latin)).toMatchObject({ ok: false, message: expect.stringMatching(/^manifest .* is not JSON: Unexpected token .* is not valid JSON at position 0 \(line 1 column 1\)$/s) });
  });
});
