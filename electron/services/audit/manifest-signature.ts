import { sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { manifestSigningInput } from '../../../shared/audit/export-manifest.ts';
import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import type { SignatureCheck } from '../../../shared/audit/verify-report.ts';
import type { KnownKey } from './public-keys.ts';

export interface ManifestSigner {
  keyId: string;
  /** An ed25519 private key. */
  privateKey: KeyObject;
}

/** The manifest with an ed25519 `signature` over the JCS of everything else in it. */
export function signManifest(manifest: ExportManifest, signer: ManifestSigner): ExportManifest {
  const { signature: _old, ...unsigned } = manifest;
  const value = sign(null, Buffer.from(manifestSigningInput(unsigned)), signer.privateKey).toString('base64');
  return { ...unsigned, signature: { alg: 'ed25519', key_id: signer.keyId, value } };
}

/**
 * Checks the signature of a manifest (parsed loosely, so members this version does not know
 * are covered too) against the given keys; SignatureStatus says what each outcome means.
 */
export function checkManifestSignature(manifest: ExportManifest, keys: KnownKey[]): SignatureCheck {
  const signature = manifest.signature;
  if (signature === undefined) return { status: 'absent', key_id: null, detail: 'The manifest is not signed.' };
  const keyId = signature.key_id;
  if (keys.length === 0) return { status: 'no_key', key_id: keyId, detail: `Signed with key '${keyId}', but no key was given to check it (--key).` };
  const data = Buffer.from(manifestSigningInput(manifest));
  const value = Buffer.from(signature.value, 'base64');
  const candidates = keys.filter((known) => known.keyId === keyId || known.keyId === null);
  if (candidates.some((known) => verifies(data, known.key, value))) {
    return { status: 'verified', key_id: keyId, detail: `The signature verifies with key '${keyId}'.` };
  }
  if (candidates.length > 0) {
    return {
      status: 'invalid',
      key_id: keyId,
      detail: `The signature of key '${keyId}' does not verify with the given key${candidates.length === 1 ? '' : 's'}: the manifest was changed after signing, or signed with another key.`,
    };
  }
  return { status: 'unknown_key', key_id: keyId, detail: `Signed with key '${keyId}', but none of the given keys has that id.` };
}

function verifies(data: Buffer, key: KeyObject, signature: Buffer): boolean {
  try {
    return verify(null, data, key, signature);
  } catch {
    return false; // a malformed signature (wrong length) is simply not a valid one
  }
}
