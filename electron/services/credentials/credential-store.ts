import { AsyncEntry } from '@napi-rs/keyring';
import type { KeychainStatus, TokenStorage } from '../../../shared/console-api/index.ts';

export const keychainService = 'opsdeck';

/**
 * Tokens live in the OS keychain (service "opsdeck", one entry per profile) or, when the user
 * chooses or no keychain is available, in this process's memory for the session only. Never
 * in a file.
 */
export interface CredentialStore {
  status(): Promise<KeychainStatus>;
  get(profileId: string): Promise<string | null>;
  storageOf(profileId: string): Promise<TokenStorage>;
  set(profileId: string, token: string, storage: 'keychain' | 'session'): Promise<void>;
  delete(profileId: string): Promise<void>;
}

// On Linux, never fall back silently to the kernel keyring: the Secret Service or nothing.
const entryOptions = { linux: { store: 'secret-service' as const } };

export function openCredentialStore(): CredentialStore {
  const session = new Map<string, string>();
  let probed: Promise<KeychainStatus> | null = null;
  const entry = (profileId: string) => new AsyncEntry(keychainService, profileId, entryOptions);

  async function probe(): Promise<KeychainStatus> {
    try {
      await entry('__probe__').getPassword();
      return { available: true, detail: describeKeychain() };
    } catch (error) {
      return { available: false, detail: `${keychainUnavailable()}: the token is kept for this session only\n${(error as Error).message}` };
    }
  }

  const status = () => (probed ??= probe());

  async function keychainGet(profileId: string): Promise<string | null> {
    if (!(await status()).available) return null;
    return entry(profileId).getPassword();
  }

  return {
    status,
    async get(profileId) {
      return session.get(profileId) ?? (await keychainGet(profileId));
    },
    async storageOf(profileId) {
      if (session.has(profileId)) return 'session';
      return (await keychainGet(profileId)) === null ? 'none' : 'keychain';
    },
    async set(profileId, token, storage) {
      if (storage === 'session') {
        session.set(profileId, token);
        if ((await status()).available) await entry(profileId).deleteCredential();
        return;
      }
      const keychain = await status();
      if (!keychain.available) throw new Error(keychain.detail);
      await entry(profileId).setPassword(token);
      session.delete(profileId);
    },
    async delete(profileId) {
      session.delete(profileId);
      if ((await status()).available) await entry(profileId).deleteCredential();
    },
  };
}

/** The first line says what is missing in the user's words; the raw error follows on the second, for diagnostics. */
function keychainUnavailable(): string {
  if (process.platform === 'darwin') return 'No keychain available (the macOS Keychain cannot be reached)';
  if (process.platform === 'win32') return 'No keychain available (the Windows Credential Manager cannot be reached)';
  return 'No keychain available (Secret Service not running)';
}

function describeKeychain(): string {
  if (process.platform === 'darwin') return 'Tokens are kept in the macOS Keychain.';
  if (process.platform === 'win32') return 'Tokens are kept in the Windows Credential Manager.';
  return 'Tokens are kept in the Secret Service (GNOME Keyring / KWallet).';
}
