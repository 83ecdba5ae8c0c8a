import { openCredentialStore } from '../services/credentials/credential-store.ts';
import { openProfileStore } from '../services/profiles/profile-store.ts';
import { connectionOf } from '../services/profiles/profile-connection.ts';
import type { ProfileConnection } from '../services/profiles/profile-connection.ts';
import { defaultProfileOptions } from '../../shared/console-api/index.ts';
import { UsageError } from './usage-error.ts';

export interface ConnectionFlags {
  profile?: string | undefined;
  'base-url'?: string | undefined;
  'token-env'?: string | undefined;
}

/** The flags that name a source: a saved profile (its secret from the keychain), or a platform's URL with the token in an environment variable. */
export const connectionFlagOptions = {
  profile: { type: 'string' },
  'base-url': { type: 'string' },
  'token-env': { type: 'string' },
} as const;

/** The source the flags name, an id for its cache, and how to name it to the user. */
export async function resolveConnection(command: string, values: ConnectionFlags, dataDir: string): Promise<{ connection: ProfileConnection; profileId: string; label: string }> {
  if (values.profile !== undefined) {
    if (values['base-url'] !== undefined) throw new UsageError(`${command}: give either --profile or --base-url, not both.`);
    const profile = openProfileStore(dataDir).list().find((candidate) => candidate.id === values.profile || candidate.name === values.profile);
    if (profile === undefined) throw new UsageError(`${command}: no profile named '${values.profile}' in ${dataDir}.`);
    const connection = connectionOf(profile, await openCredentialStore().get(profile.id));
    return { connection, profileId: profile.id, label: `${profile.name} (${profile.environment})` };
  }
  const baseUrl = values['base-url'];
  const tokenEnv = values['token-env'];
  if (baseUrl === undefined || tokenEnv === undefined) throw new UsageError(`${command}: give --profile NAME, or --base-url URL with --token-env VAR.`);
  const token = process.env[tokenEnv];
  if (!token) throw new UsageError(`${command}: the environment variable ${tokenEnv} is empty or not set.`);
  const profileId = new URL(baseUrl).host.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return { connection: { kind: 'ops-api', baseUrl, token, ...defaultProfileOptions }, profileId, label: baseUrl };
}
