import { AsyncEntry } from '@napi-rs/keyring';
import type { KeychainStatus } from '../../../shared/console-api/index.ts';
import { newCacheKey } from '../cache/cache-cipher.ts';
import { entryOptions } from './credential-store.ts';

export const cacheKeyService = 'opsdeck-cache-key';

/**
 * Each profile's cache key, in the OS keychain (service "opsdeck-cache-key", one entry per
 * profile) and nowhere else: without a keychain there is no key, and so no encrypted cache.
 */
export interface CacheKeyStore {
  status(): Promise<KeychainStatus>;
  /** The profile's key; null when it has none or the keychain cannot be reached. */
  get(profileId: string): Promise<string | null>;
  /** The profile's key, made and saved first if it has none; throws when the keychain cannot be reached. */
  getOrCreate(profileId: string): Promise<string>;
  delete(profileId: string): Promise<void>;
}

export function openCacheKeyStore(status: () => Promise<KeychainStatus>): CacheKeyStore {
  const entry = (profileId: string) => new AsyncEntry(cacheKeyService, profileId, entryOptions);
  const get = async (profileId: string) => ((await status()).available ? ((await entry(profileId).getPassword()) ?? null) : null);
  return {
    status,
    get,
    async getOrCreate(profileId) {
      const keychain = await status();
      if (!keychain.available) throw new Error(`Cannot encrypt the cache of profile '${profileId}': its key needs the OS keychain. ${keychain.detail}`);
      const saved = await get(profileId);
      if (saved !== null) return saved;
      const key = newCacheKey();
      await entry(profileId).setPassword(key);
      return key;
    },
    async delete(profileId) {
      if ((await status()).available) await entry(profileId).deleteCredential();
    },
  };
}
