import { z } from 'zod';
import { me } from '../ops-api/me.ts';
import type { MethodTable } from './method.ts';
import { defaultSupportAccessSettings, supportAccessSettings } from './support-access.ts';

export const environmentTag = z.enum(['prod', 'staging', 'dev', 'custom']);
export type EnvironmentTag = z.infer<typeof environmentTag>;

export const profileId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes');

export const profileOptions = z.object({
  proxyUrl: z.url({ protocol: /^https?$/ }).nullable(),
  caFile: z.string().min(1).nullable(),
  timeoutMs: z.number().int().min(1_000).max(300_000),
});
export type ProfileOptions = z.infer<typeof profileOptions>;

export const defaultProfileOptions: ProfileOptions = { proxyUrl: null, caFile: null, timeoutMs: 15_000 };

const httpUrl = z.url({ protocol: /^https?$/ });

/** redis:// or rediss://, without a password: that goes in the keychain, never in profiles.json. */
export const redisUrl = z
  .url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL' })
  .refine((url) => URL.parse(url)?.password === '', 'without a password: give it in the Password field, which keeps it in the keychain');

/** What every kind of profile has: a name and the environment it acts on. */
const profileCommon = {
  id: profileId,
  name: z.string().trim().min(1).max(80),
  environment: environmentTag,
  /** Badge colour for `custom`, as #rrggbb. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).nullable(),
  /** The cache on disk encrypted with a key kept in the OS keychain; absent: on for prod profiles only. */
  cacheEncryption: z.enum(['on', 'off']).optional(),
};

/** An Ops API platform: every view. */
const opsApiFields = {
  kind: z.literal('ops-api'),
  baseUrl: httpUrl,
  options: profileOptions,
  /** Asking why before a tenant's page opens, and for how long the access lasts. */
  supportAccess: supportAccessSettings.default(defaultSupportAccessSettings),
};

/** Prod always asks why before a tenant's page opens: only other environments may turn the prompt off. */
function promptOnInProd(profile: { environment: EnvironmentTag; supportAccess?: { prompt: boolean } }, context: z.core.$RefinementCtx) {
  if (profile.environment === 'prod' && profile.supportAccess?.prompt === false) {
    context.addIssue({ code: 'custom', path: ['supportAccess', 'prompt'], message: 'cannot be off for a prod profile: support access to a prod tenant is always asked for and logged' });
  }
}

/** BullMQ queues straight from Redis: the Queues view only. */
const bullmqFields = {
  kind: z.literal('bullmq'),
  redisUrl,
  /** BullMQ's key prefix. */
  prefix: z.string().trim().min(1).max(100).regex(/^[^\s]+$/, 'no spaces'),
  /** TLS even on a redis:// URL (rediss:// always is). */
  tls: z.boolean(),
  /** Offer no actions: look, never touch. */
  readOnly: z.boolean(),
};

export const profileKind = z.enum(['ops-api', 'bullmq']);
export type ProfileKind = z.infer<typeof profileKind>;
export const defaultBullmqPrefix = 'bull';

/** What is saved in profiles.json: never the token or password. */
export const profile = z.discriminatedUnion('kind', [z.object({ ...profileCommon, ...opsApiFields }).superRefine(promptOnInProd), z.object({ ...profileCommon, ...bullmqFields })]);
export type Profile = z.infer<typeof profile>;

/** Where a profile points, as a person reads it: the Ops API root, or the Redis host with BullMQ's prefix (never a password). */
export function profileAddress(target: { kind: 'ops-api'; baseUrl: string } | { kind: 'bullmq'; redisUrl: string; prefix: string }): string {
  return target.kind === 'ops-api' ? target.baseUrl : `${target.redisUrl} · prefix ${target.prefix}`;
}

/** Where a profile's token is: the OS keychain, this session's memory only, or nowhere. */
export const tokenStorage = z.enum(['keychain', 'session', 'none']);
export type TokenStorage = z.infer<typeof tokenStorage>;

/** Whether a profile's cache is to be encrypted: as it says, else only on prod. */
export const wantsCacheEncryption = (profile: { environment: EnvironmentTag; cacheEncryption?: 'on' | 'off' | undefined }): boolean =>
  (profile.cacheEncryption ?? (profile.environment === 'prod' ? 'on' : 'off')) === 'on';

/**
 * A profile as the renderer sees it: whether a token (or Redis password) is saved, never the
 * secret; whether its cache file is encrypted now (it changes on the profile's next sync).
 */
const viewFields = { token: tokenStorage, builtIn: z.boolean(), cacheEncrypted: z.boolean() };
export const profileView = z.discriminatedUnion('kind', [
  z.object({ ...profileCommon, ...opsApiFields, ...viewFields }).superRefine(promptOnInProd),
  z.object({ ...profileCommon, ...bullmqFields, ...viewFields }),
]);
export type ProfileView = z.infer<typeof profileView>;

export const keychainStatus = z.object({
  available: z.boolean(),
  /** One sentence in the user's words: where tokens go, or what is missing and what to do. */
  detail: z.string(),
  /** The keychain library's own error, for a "details" toggle; null when the keychain works. */
  error: z.string().nullable(),
});
export type KeychainStatus = z.infer<typeof keychainStatus>;

/** The built-in Demo profile's platform, which starts with the console. */
export const demoStatus = z.object({
  status: z.enum(['off', 'starting', 'running', 'failed']),
  message: z.string().nullable(),
});
export type DemoStatusView = z.infer<typeof demoStatus>;

export const demoProfileId = 'demo';

export const profilesState = z.object({
  profiles: z.array(profileView),
  activeId: z.string().nullable(),
  keychain: keychainStatus,
  demo: demoStatus,
});
export type ProfilesState = z.infer<typeof profilesState>;

const draftFields = {
  /** Absent: create a new profile. */
  id: profileId.optional(),
  /** Write-only: the API token, or the Redis password. Absent: keep the saved one. */
  token: z.string().min(1).max(4096).optional(),
  /** Where to keep a new token; 'session' when the keychain is unavailable or by choice. */
  tokenStorage: z.enum(['keychain', 'session']).default('keychain'),
};
/**
 * A new or edited profile's addresses carry no secret into profiles.json: the token goes in the
 * Token field (the keychain), and a proxy password has no safe place yet. Saved profiles still load.
 */
function noSecretInAddresses(draft: { baseUrl: string; options: { proxyUrl: string | null } }, context: z.core.$RefinementCtx) {
  const base = URL.parse(draft.baseUrl);
  if (base !== null && (base.username !== '' || base.password !== '')) {
    context.addIssue({ code: 'custom', path: ['baseUrl'], message: 'without a user name or password: give the token in the Token field, which keeps it in the keychain' });
  }
  if (draft.options.proxyUrl !== null && URL.parse(draft.options.proxyUrl)?.password) {
    context.addIssue({ code: 'custom', path: ['options', 'proxyUrl'], message: 'without a password: Opsdeck would have to write it to profiles.json in plain text; use a proxy that needs none' });
  }
}

export const profileDraft = z.discriminatedUnion('kind', [
  // Support-access settings left out: the defaults.
  z.object({ ...profileCommon, ...opsApiFields, ...draftFields, supportAccess: supportAccessSettings.optional() }).superRefine(promptOnInProd).superRefine(noSecretInAddresses),
  z.object({ ...profileCommon, ...bullmqFields, ...draftFields }),
]);
export type ProfileDraft = z.input<typeof profileDraft>;

/** A saved profile, or one being edited: the Ops API with its token, or Redis with its password (if any). */
export const profileTestInput = z.union([
  z.object({ id: profileId }).strict(),
  z.object({ kind: z.literal('ops-api'), baseUrl: httpUrl, token: z.string().min(1), options: profileOptions }).strict(),
  z.object({ kind: z.literal('bullmq'), redisUrl, prefix: bullmqFields.prefix, tls: z.boolean(), password: z.string().min(1).nullable() }).strict(),
]);

export type ProfileTestInput = z.infer<typeof profileTestInput>;

export const profileTestResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), latencyMs: z.number(), reached: z.discriminatedUnion('kind', [z.object({ kind: z.literal('ops-api'), me }), z.object({ kind: z.literal('bullmq'), queues: z.array(z.string()) })]) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type ProfileTestResult = z.infer<typeof profileTestResult>;

export const profilesMethods = {
  'profiles/list': { input: z.object({}).strict(), output: profilesState },
  'profiles/save': { input: profileDraft, output: profilesState },
  'profiles/remove': { input: z.object({ id: profileId, deleteCache: z.boolean() }).strict(), output: profilesState },
  'profiles/activate': { input: z.object({ id: profileId }).strict(), output: profilesState },
  'profiles/test': { input: profileTestInput, output: profileTestResult },
} satisfies MethodTable;

export const profilesEvents = {
  'profiles/changed': profilesState,
};
