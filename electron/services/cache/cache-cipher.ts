import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';

/**
 * How a profile's cache is kept at rest: the SQLCipher key from the OS keychain (null when it
 * has none) and whether the cache should be encrypted. It travels to the worker threads that
 * open the cache in their start data, never in a message, a log line or an error.
 */
export const cacheCipher = z
  .object({
    profileId: z.string(),
    key: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits').nullable(),
    encrypt: z.boolean(),
  })
  .refine((cipher) => !cipher.encrypt || cipher.key !== null, 'an encrypted cache needs a key');
export type CacheCipher = z.infer<typeof cacheCipher>;

/** A cache that is not encrypted and has no key: imported sources, tests, `--db PATH`. */
export const plainCache = (path: string): CacheCipher => ({ profileId: basename(path, '.sqlite'), key: null, encrypt: false });

/** A new random 256-bit key, as SQLCipher's raw key (no key derivation on every open). */
export const newCacheKey = (): string => randomBytes(32).toString('hex');

/** A key or keychain problem: the cache is left as it is, never moved aside or recreated. */
export class CacheKeyError extends Error {
  override name = 'CacheKeyError';
}

export function missingKeyError(profileId: string, path: string): CacheKeyError {
  return new CacheKeyError(
    `The cache of profile '${profileId}' cannot be opened: it is encrypted (${path}) and its key is not in the OS keychain; unlock the keychain that holds the entry 'opsdeck-cache-key/${profileId}' and restart, or delete that file to sync the cache again.`,
  );
}

export function wrongKeyError(profileId: string, path: string): CacheKeyError {
  return new CacheKeyError(
    `The cache of profile '${profileId}' cannot be opened: the key in the OS keychain does not decrypt ${path} (another key, or a damaged file); restore the keychain entry 'opsdeck-cache-key/${profileId}', or delete that file to sync the cache again.`,
  );
}
