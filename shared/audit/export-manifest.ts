import { z } from 'zod';
import { isoTime, sha256Hex } from '../ops-api/common.ts';
import { canonicalJson } from './canonical-json.ts';

export const exportManifestFormat = 'opsdeck-audit-export/1';

export const manifestSignature = z.object({
  alg: z.literal('ed25519'),
  key_id: z.string().min(1),
  /** base64 ed25519 signature over manifestSigningInput(manifest). */
  value: z.string().min(1),
});
export type ManifestSignature = z.infer<typeof manifestSignature>;

/**
 * `<file>.manifest.json` beside an NDJSON audit export (ops-api.md, "Export files"). Loose, since
 * members a newer Opsdeck adds are signed too. The seq and hash ends are null only for an
 * export of zero events.
 */
export const exportManifest = z.looseObject({
  format: z.literal(exportManifestFormat),
  count: z.number().int().min(0),
  first_seq: z.number().int().min(1).nullable(),
  last_seq: z.number().int().min(1).nullable(),
  first_prev_hash: sha256Hex.nullable(),
  last_hash: sha256Hex.nullable(),
  /** Of the uncompressed NDJSON bytes. */
  sha256: sha256Hex,
  created_at: isoTime,
  source: z.looseObject({ platform: z.string(), environment: z.string() }),
  /** The filter the export was made with; null for a contiguous range of the chain. */
  query: z.record(z.string(), z.unknown()).nullable(),
  signature: manifestSignature.optional(),
});
export type ExportManifest = z.infer<typeof exportManifest>;

/** The text an export's signature covers: the JCS of the manifest without `signature`. */
export function manifestSigningInput(manifest: Record<string, unknown>): string {
  const { signature: _signature, ...signed } = manifest;
  return canonicalJson(signed);
}
