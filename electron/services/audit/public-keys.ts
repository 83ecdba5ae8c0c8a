import { createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { auditKeys } from '../../../shared/ops-api/audit.ts';
import { UnreadableInputError } from './unreadable-input-error.ts';

/** A public key the signature of a manifest may be checked with; keyId null when the file gave none. */
export interface KnownKey {
  keyId: string | null;
  key: KeyObject;
}

/**
 * Reads public keys from a PEM file (one key, no id) or from the JSON of GET /v1/audit-keys
 * (`{ data: [{ key_id, alg, public_key_pem }] }`). Failures are UnreadableInputErrors naming the file.
 */
export async function readPublicKeys(path: string): Promise<KnownKey[]> {
  try {
    const text = await readFile(path, 'utf8');
    if (!text.trimStart().startsWith('{')) return [{ keyId: null, key: ed25519Key(text) }];
    const parsed = auditKeys.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error('not a PEM public key nor the JSON of GET /v1/audit-keys');
    return parsed.data.data.map((entry) => ({ keyId: entry.key_id, key: ed25519Key(entry.public_key_pem) }));
  } catch (error) {
    throw new UnreadableInputError(`key file ${path}: ${(error as Error).message}`, { cause: error });
  }
}

function ed25519Key(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an ed25519 public key is needed, this is ${key.asymmetricKeyType ?? 'not asymmetric'}`);
  return key;
}
