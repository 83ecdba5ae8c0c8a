import { z } from 'zod';
import type { Profile } from '../../../shared/console-api/index.ts';

/** An Ops API platform's root, token and network options: what its client needs. */
export const opsConnection = z.object({ baseUrl: z.string(), token: z.string(), timeoutMs: z.number(), proxyUrl: z.string().nullable(), caFile: z.string().nullable() });

/** BullMQ on Redis: where, under which key prefix, the password from the keychain, and whether actions are offered. */
export const bullmqConnection = z.object({ url: z.string(), prefix: z.string(), tls: z.boolean(), password: z.string().nullable(), readOnly: z.boolean() });

/** How a profile connects, by its kind. It crosses into the sync worker, hence a schema. */
export const profileConnection = z.discriminatedUnion('kind', [opsConnection.extend({ kind: z.literal('ops-api') }), bullmqConnection.extend({ kind: z.literal('bullmq') })]);
export type ProfileConnection = z.infer<typeof profileConnection>;
export type BullmqConnection = Extract<ProfileConnection, { kind: 'bullmq' }>;

/** A saved profile's connection, with its secret from the keychain: an API token (required), or a Redis password (optional). */
export function connectionOf(profile: Profile, secret: string | null): ProfileConnection {
  if (profile.kind === 'bullmq') return { kind: 'bullmq', url: profile.redisUrl, prefix: profile.prefix, tls: profile.tls, password: secret, readOnly: profile.readOnly };
  if (secret === null) throw new Error(`Profile '${profile.name}' has no saved token.`);
  return { kind: 'ops-api', baseUrl: profile.baseUrl, token: secret, ...profile.options };
}

/** The Ops API connection of a profile that needs one (the audit trail, tenants, billing, connectors). */
export function opsApiConnectionOf(connection: ProfileConnection, what: string): Extract<ProfileConnection, { kind: 'ops-api' }> {
  if (connection.kind === 'ops-api') return connection;
  throw new Error(`Cannot ${what}: the profile is a BullMQ (Redis) profile, which has queues only.`);
}
