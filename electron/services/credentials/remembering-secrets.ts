import type { CredentialStore } from './credential-store.ts';

/** The store, telling `remember` each token or password that passes through it, so that the log can hide every one verbatim. */
export function rememberingSecrets(store: CredentialStore, remember: (secret: string) => void): CredentialStore {
  return {
    ...store,
    async get(profileId) {
      const secret = await store.get(profileId);
      if (secret !== null) remember(secret);
      return secret;
    },
    async set(profileId, token, storage) {
      remember(token);
      await store.set(profileId, token, storage);
    },
  };
}
