import type { CacheCipher } from '../services/cache/cache-cipher.ts';
import { createProfileCacheCiphers } from '../services/cache/profile-cache-ciphers.ts';
import { openCacheKeyStore } from '../services/credentials/cache-key-store.ts';
import { openCredentialStore } from '../services/credentials/credential-store.ts';
import { openProfileStore } from '../services/profiles/profile-store.ts';

/** A profile's cache cipher, as the app would open it: for the sync writer (which may make the key) or a reader. */
export function profileCacheCipher(dataDir: string, profileId: string, use: 'writer' | 'reader'): Promise<CacheCipher> {
  const store = openProfileStore(dataDir);
  const ciphers = createProfileCacheCiphers({ dataDir, keys: openCacheKeyStore(openCredentialStore().status), settingsOf: (id) => store.get(id) });
  return ciphers[use](profileId);
}
