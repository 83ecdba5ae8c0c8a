import { openCredentialStore } from '../services/credentials/credential-store.ts';
import type { OpsConnection } from '../services/ops-api/ops-api-client.ts';
import { openProfileStore } from '../services/profiles/profile-store.ts';
import { defaultProfileOptions } from '../../shared/console-api/index.ts';
import { UsageError } from './usage-error.ts';

export interface ConnectionFlags {
  profile?: string | undefined;
  'base-url'?: string | undefined;
  'token-env'?: string | undefined;
}

/** The flags that name a platform: a saved profile (its token from the keychain), or a URL with the token in an environment variable. */
export const connectionFlagOptions = {
  profile: { type: 'string' },
  'base-url': { type: 'string' },
  'token-env': { type: 'string' },
} as const;

/** The platform the flags name, and an id for its cache. */
export async function resolveConnection(command: string, values: ConnectionFlags, dataDir: string): Promise<{ connection: OpsConnection; profileId: string; label: string }> {
  if (values.profile !== undefined) {
    if (values['base-url'] !== undefined) throw new UsageError(`${command}: give either --profile or --base-url, not both.`);
    const profile = openProfileStore(dataDir).list().find((candidate) => candidate.id === values.profile || candidate.name === values.profile);
    if (profile === undefined) throw new UsageError(`${command}: no profile named '${values.profile}' in ${dataDir}.`);
    const token = await openCredentialStore().get(profile.id);
    if (token === null) throw new Error(`profile '${profile.name}' has no token in the keychain.`);
    return { connection: { baseUrl: profile.baseUrl, token, ...profile.options }, profileId: profile.id, label: `${profile.name} (${profile.environment})` };
  }
  const baseUrl = values['base-url'];
  const tokenEnv = values['token-env'];
  if (baseUrl === undefined || tokenEnv === undefined) throw new UsageError(`${command}: give --profile NAME, or --base-url URL with --token-env VAR.`);
  const token = process.env[tokenEnv];
  if (!token) throw new UsageError(`${command}: the environment variable ${tokenEnv} is empty or not set.`);
  const profileId = new URL(baseUrl).host.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return { connection: { baseUrl, token, ...defaultProfileOptions }, profileId, label: baseUrl };
}
