import { z } from 'zod';
import { me } from '../ops-api/me.ts';
import type { MethodTable } from './method.ts';

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

/** What is saved in profiles.json: never the token. */
export const profile = z.object({
  id: profileId,
  name: z.string().trim().min(1).max(80),
  baseUrl: z.url({ protocol: /^https?$/ }),
  environment: environmentTag,
  /** Badge colour for `custom`, as #rrggbb. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).nullable(),
  options: profileOptions,
});
export type Profile = z.infer<typeof profile>;

/** Where a profile's token is: the OS keychain, this session's memory only, or nowhere. */
export const tokenStorage = z.enum(['keychain', 'session', 'none']);
export type TokenStorage = z.infer<typeof tokenStorage>;

/** A profile as the renderer sees it: whether a token is saved, never the token. */
export const profileView = profile.extend({ token: tokenStorage, builtIn: z.boolean() });
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

export const profileDraft = profile.omit({ id: true }).extend({
  /** Absent: create a new profile. */
  id: profileId.optional(),
  /** Write-only. Absent: keep the saved token. */
  token: z.string().min(1).max(4096).optional(),
  /** Where to keep a new token; 'session' when the keychain is unavailable or by choice. */
  tokenStorage: z.enum(['keychain', 'session']).default('keychain'),
});
export type ProfileDraft = z.input<typeof profileDraft>;

export const profileTestInput = z.union([
  z.object({ id: profileId }).strict(),
  z.object({ baseUrl: z.url({ protocol: /^https?$/ }), token: z.string().min(1), options: profileOptions }).strict(),
]);

export const profileTestResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), me, latencyMs: z.number() }),
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
