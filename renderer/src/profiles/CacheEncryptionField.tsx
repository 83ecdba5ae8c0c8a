import { Switch } from '@mantine/core';
import { wantsCacheEncryption } from '../../../shared/console-api/index.ts';
import type { EnvironmentTag, KeychainStatus } from '../../../shared/console-api/index.ts';

interface Props {
  environment: EnvironmentTag;
  /** undefined: as the environment says (on for prod). */
  value: 'on' | 'off' | undefined;
  onChange(value: 'on' | 'off'): void;
  keychain: KeychainStatus;
  /** Whether the saved cache file is encrypted now; null for a new profile. */
  encryptedNow: boolean | null;
}

/** Whether the profile's cache is encrypted on disk (SQLCipher, its key in the OS keychain). */
export function CacheEncryptionField({ environment, value, onChange, keychain, encryptedNow }: Props) {
  const wanted = wantsCacheEncryption({ environment, cacheEncryption: value });
  const now = encryptedNow === null ? '' : ` The cache is ${encryptedNow ? 'encrypted' : 'not encrypted'} now; a change converts it when the profile next syncs.`;
  const description = keychain.available
    ? `Audit events hold e-mails and IP addresses: encrypted with a key kept in the OS keychain. On by default for production.${now}`
    : `Needs the OS keychain to keep the key, which is not available: the cache stays unencrypted.${now}`;
  return (
    <Switch
      label="Encrypt the cache on disk"
      description={description}
      checked={keychain.available && wanted}
      disabled={!keychain.available}
      onChange={(event) => onChange(event.currentTarget.checked ? 'on' : 'off')}
    />
  );
}
