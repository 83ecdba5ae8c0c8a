import { join } from 'node:path';

/** One cache database per profile: `<dataDir>/cache/<profileId>.sqlite`. */
export function cacheDbPath(dataDir: string, profileId: string): string {
  if (!/^[\w-]+$/.test(profileId)) {
    throw new Error(`Profile id ${JSON.stringify(profileId)} cannot name a cache file: only letters, digits, '_' and '-' are allowed.`);
  }
  return join(dataDir, 'cache', `${profileId}.sqlite`);
}
