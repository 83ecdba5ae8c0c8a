import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { Random } from './random.ts';

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it. */
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface DemoKey {
  key_id: string;
  public_key_pem: string;
  private_key_pem: string;
  created_at: string;
}

/** An Ed25519 key pair derived from the random stream, so the same seed gives the same keys. */
export function generateAuditKey(random: Random, keyId: string, createdAt: string): DemoKey {
  const der = Buffer.concat([ed25519Pkcs8Prefix, Buffer.from(random.hex(32), 'hex')]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return {
    key_id: keyId,
    public_key_pem: createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString(),
    private_key_pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    created_at: createdAt,
  };
}
