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
export const entryOptions = { linux: { store: 'secret-service' as const } };

export function openCredentialStore(): CredentialStore {
  const session = new Map<string, string>();
  let probed: Promise<KeychainStatus> | null = null;
  const entry = (profileId: string) => new AsyncEntry(keychainService, profileId, entryOptions);

  async function probe(): Promise<KeychainStatus> {
    try {
      await entry('__probe__').getPassword();
      return { available: true, detail: describeKeychain(), error: null };
    } catch (error) {
      const raw = (error as Error).message;
      return { available: false, detail: explainKeychainFailure(raw), error: raw };
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

/** What a failed keychain probe means for the user and what to do, in one sentence; the raw error stays beside it. */
function explainKeychainFailure(raw: string): string {
  const sessionOnly = 'so tokens are kept for this session only';
  if (process.platform === 'darwin') return `No keychain available: the macOS Keychain cannot be reached, ${sessionOnly}; unlock the login keychain and restart Opsdeck to save them.`;
  if (process.platform === 'win32') return `No keychain available: the Windows Credential Manager cannot be reached, ${sessionOnly}; restart Opsdeck once it runs to save them.`;
  if (/dbus|d-bus/i.test(raw) && /autolaunch|DISPLAY|connect|address/i.test(raw)) {
    return `No keychain available: this session has no D-Bus session bus for the Secret Service, ${sessionOnly}; start Opsdeck from a desktop session (or inside dbus-run-session with gnome-keyring-daemon unlocked) to save them.`;
  }
  if (/collection|locked|prompt/i.test(raw)) return `No keychain available: the Secret Service's login keyring is locked or missing, ${sessionOnly}; unlock it (e.g. in Seahorse) and restart Opsdeck to save them.`;
  return `No keychain available: the Secret Service (GNOME Keyring or KWallet) did not answer, ${sessionOnly}; start it and restart Opsdeck to save them.`;
}

function describeKeychain(): string {
  if (process.platform === 'darwin') return 'Tokens are kept in the macOS Keychain.';
  if (process.platform === 'win32') return 'Tokens are kept in the Windows Credential Manager.';
  return 'Tokens are kept in the Secret Service (GNOME Keyring / KWallet).';
}
