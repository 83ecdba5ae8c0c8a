import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { exportManifest } from '../../shared/audit/export-manifest.ts';
import { buildExportManifest } from '../../electron/services/audit/build-export-manifest.ts';
import { makeChain, makeSigningKey, manifestContext, toLines, writeExport } from '../fixtures/audit-chain.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

describe('buildExportManifest', () => {
  it('states count, ends and the sha256 of the written bytes, in the ops-api.md shape', async () => {
    const events = makeChain(12, 101, 'a'.repeat(64));
    const dir = makeDataDir();
    const written = await writeExport(dir.path, toLines(events), { context: manifestContext(undefined, { action: 'invoice.*' }) });
    expect(written.manifest).toEqual({
      format: 'opsdeck-audit-export/1',
      count: 12,
      first_seq: 101,
      last_seq: 112,
      first_prev_hash: 'a'.repeat(64),
      last_hash: events[11]!.hash,
      sha256: createHash('sha256').update(readFileSync(written.file)).digest('hex'),
      created_at: '2026-11-23T17:42:54.123Z',
      source: { platform: 'Acme Cloud', environment: 'prod' },
      query: { action: 'invoice.*' },
    });
    expect(exportManifest.parse(JSON.parse(readFileSync(written.manifestFile, 'utf8')))).toEqual(written.manifest);
    dir.remove();
  });

  it('signs the JCS of the manifest without its signature with ed25519', async () => {
    const key = makeSigningKey('k1');
    const manifest = await buildExportManifest(toLines(makeChain(3)), manifestContext(key));
    const { signature, ...unsigned } = manifest;
    expect(signature).toMatchObject({ alg: 'ed25519', key_id: 'k1' });
    const input = Buffer.from(canonicalize(unsigned) as string);
    expect(verify(null, input, createPublicKey(key.publicKeyPem), Buffer.from(signature!.value, 'base64'))).toBe(true);
  });

  it('names the line that is not an event', async () => {
    await expect(buildExportManifest(['{"seq":1,"prev_hash":"x","hash":"y"}', 'oops'], manifestContext())).rejects.toThrow('line 2 of the export is not an audit event');
  });
});
