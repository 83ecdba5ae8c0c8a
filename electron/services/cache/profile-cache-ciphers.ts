import { wantsCacheEncryption } from '../../../shared/console-api/index.ts';
import type { EnvironmentTag } from '../../../shared/console-api/index.ts';
import type { CacheKeyStore } from '../credentials/cache-key-store.ts';
import { CacheKeyError, missingKeyError } from './cache-cipher.ts';
import type { CacheCipher } from './cache-cipher.ts';
import { cacheDbPath } from './cache-paths.ts';
import { cacheFileState } from './open-cache-file.ts';

export interface ProfileCacheCiphersOptions {
  dataDir: string;
  keys: CacheKeyStore;
  /** A profile's encryption setting and tag; null for one without settings (the built-in Demo). */
  settingsOf(profileId: string): { environment: EnvironmentTag; cacheEncryption?: 'on' | 'off' | undefined } | null;
}

export type ProfileCacheCiphers = ReturnType<typeof createProfileCacheCiphers>;

/**
 * What each profile's cache is opened with, on the main side, for the threads that open it:
 * its key from the keychain, and whether it is to be encrypted. The sync writer may make the
 * key; readers only use one. A prod profile's cache is encrypted unless the profile says
 * otherwise, or (said on the profile) there is no keychain to keep a key in.
 */
export function createProfileCacheCiphers({ dataDir, keys, settingsOf }: ProfileCacheCiphersOptions) {
  async function cipherFor(profileId: string, { makeKey }: { makeKey: boolean }): Promise<CacheCipher> {
    const settings = settingsOf(profileId);
    const wanted = settings !== null && wantsCacheEncryption(settings);
    const path = cacheDbPath(dataDir, profileId);
    let key = await keys.get(profileId);
    // Never take such a file for damaged and replace it: it may be this profile's cache, encrypted with a key the keychain lost.
    if (key === null && cacheFileState(path) === 'encrypted') throw missingKeyError(profileId, path);
    if (wanted && key === null && makeKey) key = await newKey(profileId, settings.cacheEncryption === 'on');
    return { profileId, key, encrypt: wanted && key !== null };
  }

  async function newKey(profileId: string, asked: boolean): Promise<string | null> {
    const keychain = await keys.status();
    if (keychain.available) return keys.getOrCreate(profileId);
    if (!asked) return null; // on by default only: kept plain, as the profile shows
    throw new CacheKeyError(`Cannot encrypt the cache of profile '${profileId}': its key needs the OS keychain. ${keychain.detail} Or turn cache encryption off in the profile's settings.`);
  }

  return {
    /** For the sync writer: makes the key when the cache is to be encrypted and has none. */
    writer: (profileId: string) => cipherFor(profileId, { makeKey: true }),
    /** For readers: the key there is, if any. */
    reader: (profileId: string) => cipherFor(profileId, { makeKey: false }),
  };
}
