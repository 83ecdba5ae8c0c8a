import { Alert, Button, ColorInput, Group, Modal, NumberInput, PasswordInput, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { defaultBullmqPrefix, defaultProfileOptions, defaultSupportAccessSettings } from '../../../shared/console-api/index.ts';
import type { EnvironmentTag, KeychainStatus, ProfileKind, ProfileTestResult as Result, ProfileView } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { SupportAccessFields, savedSupportAccess } from '../support-access/SupportAccessFields.tsx';
import { CacheEncryptionField } from './CacheEncryptionField.tsx';
import { KeychainAlert } from './KeychainAlert.tsx';
import { ProfileTestResult } from './ProfileTestResult.tsx';

interface Props {
  /** null: add a new profile. */
  editing: ProfileView | null;
  keychain: KeychainStatus;
  onClose(): void;
}


export function ProfileFormModal({ editing, keychain, onClose }: Props) {
  const { api } = useConsole();
  const savedOps = editing?.kind === 'ops-api' ? editing : null;
  const savedBullmq = editing?.kind === 'bullmq' ? editing : null;
  const [kind, setKind] = useState<ProfileKind>(editing?.kind ?? 'ops-api');
  const [name, setName] = useState(editing?.name ?? '');
  const [environment, setEnvironment] = useState<EnvironmentTag>(editing?.environment ?? 'prod');
  const [color, setColor] = useState(editing?.color ?? '#7048e8');
  const [cacheEncryption, setCacheEncryption] = useState(editing?.cacheEncryption);
  const [secret, setSecret] = useState('');
  const [sessionOnly, setSessionOnly] = useState(!keychain.available || editing?.token === 'session');
  const [baseUrl, setBaseUrl] = useState(savedOps?.baseUrl ?? 'https://');
  const [proxyUrl, setProxyUrl] = useState(savedOps?.options.proxyUrl ?? '');
  const [caFile, setCaFile] = useState(savedOps?.options.caFile ?? '');
  const [timeoutS, setTimeoutS] = useState((savedOps?.options.timeoutMs ?? defaultProfileOptions.timeoutMs) / 1000);
  const [supportAccess, setSupportAccess] = useState(savedOps?.supportAccess ?? defaultSupportAccessSettings);
  const [redisUrl, setRedisUrl] = useState(savedBullmq?.redisUrl ?? 'redis://');
  const [prefix, setPrefix] = useState(savedBullmq?.prefix ?? defaultBullmqPrefix);
  const [tls, setTls] = useState(savedBullmq?.tls ?? false);
  const [readOnly, setReadOnly] = useState(savedBullmq?.readOnly ?? false);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [testResult, setTestResult] = useState<Result | null>(null);
  const [error, setError] = useState<{ kind: 'test' | 'save'; message: string } | null>(null);

  const options = { proxyUrl: proxyUrl.trim() || null, caFile: caFile.trim() || null, timeoutMs: Math.round(timeoutS * 1000) };
  const savedSecret = editing !== null && editing.kind === kind && editing.token !== 'none';
  const secretName = kind === 'ops-api' ? 'token' : 'password';

  async function run(what: 'test' | 'save', work: () => Promise<void>) {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError({ kind: what, message: (failure as Error).message });
    } finally {
      setBusy(null);
    }
  }

  // With the secret left empty, the saved profile is tested as saved.
  const test = () =>
    run('test', async () => {
      if (secret === '' && savedSecret) return setTestResult(await api['profiles/test']({ id: editing.id }));
      setTestResult(
        kind === 'ops-api'
          ? await api['profiles/test']({ kind, baseUrl: baseUrl.trim(), token: secret, options })
          : await api['profiles/test']({ kind, redisUrl: redisUrl.trim(), prefix: prefix.trim(), tls, password: secret || null }),
      );
    });

  const save = () =>
    run('save', async () => {
      const common = { ...(editing ? { id: editing.id } : {}), name, environment, color: environment === 'custom' ? color : null, ...(cacheEncryption ? { cacheEncryption } : {}), ...(secret ? { token: secret, tokenStorage: sessionOnly ? ('session' as const) : ('keychain' as const) } : {}) };
      await api['profiles/save'](
        kind === 'ops-api' ? { ...common, kind, baseUrl: baseUrl.trim(), options, supportAccess: savedSupportAccess(environment, supportAccess) } : { ...common, kind, redisUrl: redisUrl.trim(), prefix: prefix.trim(), tls, readOnly },
      );
      onClose();
    });

  return (
    <Modal opened onClose={onClose} title={editing ? `Edit ${editing.name}` : 'Add a profile'} size="lg">
      <Stack gap="sm">
        {editing === null && (
          <SegmentedControl
            aria-label="Kind of profile"
            value={kind}
            onChange={(value) => {
              setKind(value as ProfileKind);
              setTestResult(null);
            }}
            data={[
              { value: 'ops-api', label: 'Ops API platform' },
              { value: 'bullmq', label: 'BullMQ (Redis): queues only' },
            ]}
          />
        )}
        <TextInput label="Name" placeholder={kind === 'ops-api' ? 'Acme production' : 'Acme queues'} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
        {kind === 'ops-api' ? (
          <TextInput label="Base URL" description="The Ops API root; paths under /v1 are added." value={baseUrl} onChange={(e) => setBaseUrl(e.currentTarget.value)} required />
        ) : (
          <Group grow align="flex-start">
            <TextInput label="Redis URL" description="redis://host:port/db, or rediss:// for TLS; no password here." value={redisUrl} onChange={(e) => setRedisUrl(e.currentTarget.value)} required />
            <TextInput label="Key prefix" description="BullMQ's prefix option; 'bull' unless set." value={prefix} onChange={(e) => setPrefix(e.currentTarget.value)} required maw={180} />
          </Group>
        )}
        <div>
          <Text size="sm" fw={500} mb={4}>
            Environment
          </Text>
          <Group gap="sm">
            <SegmentedControl
              aria-label="Environment"
              value={environment}
              onChange={(value) => setEnvironment(value as EnvironmentTag)}
              data={[
                { value: 'prod', label: 'Production' },
                { value: 'staging', label: 'Staging' },
                { value: 'dev', label: 'Development' },
                { value: 'custom', label: 'Custom' },
              ]}
            />
            {environment === 'custom' && <ColorInput aria-label="Badge colour" value={color} onChange={setColor} w={140} />}
          </Group>
        </div>
        <PasswordInput
          label={kind === 'ops-api' ? 'API token' : 'Redis password'}
          description={
            savedSecret
              ? `Leave empty to keep the saved ${secretName}.`
              : kind === 'ops-api'
                ? 'Sent only to this platform; kept in the OS keychain, never in a file.'
                : 'Optional: leave empty if Redis needs none. Kept in the OS keychain, never in a file.'
          }
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          autoComplete="off"
        />
        <KeychainAlert keychain={keychain} />
        {keychain.available && (
          <SegmentedControl
            aria-label="Token storage"
            value={sessionOnly ? 'session' : 'keychain'}
            onChange={(value) => setSessionOnly(value === 'session')}
            data={[
              { value: 'keychain', label: 'Keep in the OS keychain' },
              { value: 'session', label: 'This session only' },
            ]}
          />
        )}
        {kind === 'ops-api' ? (
          <Group grow align="flex-start">
            <TextInput label="Proxy" placeholder="http://proxy:3128" value={proxyUrl} onChange={(e) => setProxyUrl(e.currentTarget.value)} />
            <TextInput label="Extra CA certificate (PEM file)" placeholder="/etc/ssl/acme-ca.pem" value={caFile} onChange={(e) => setCaFile(e.currentTarget.value)} />
            <NumberInput label="Timeout (s)" min={1} max={300} value={timeoutS} onChange={(value) => setTimeoutS(Number(value) || 15)} />
          </Group>
        ) : (
          <Group>
            <Switch label="TLS" description="Always on for rediss://" checked={tls || redisUrl.trim().startsWith('rediss:')} disabled={redisUrl.trim().startsWith('rediss:')} onChange={(e) => setTls(e.currentTarget.checked)} />
            <Switch label="Read-only" description="Look, never act: no retry, remove, promote or pause" checked={readOnly} onChange={(e) => setReadOnly(e.currentTarget.checked)} />
          </Group>
        )}
        <CacheEncryptionField environment={environment} value={cacheEncryption} onChange={setCacheEncryption} keychain={keychain} encryptedNow={editing?.cacheEncrypted ?? null} />
        {kind === 'ops-api' && <SupportAccessFields environment={environment} value={supportAccess} onChange={setSupportAccess} />}
        {testResult && <ProfileTestResult result={testResult} />}
        {error && (
          <Alert color="red" title={error.kind === 'save' ? 'Not saved' : 'Could not test'} data-testid="profile-form-error">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="light" onClick={test} loading={busy === 'test'} disabled={busy !== null || (kind === 'ops-api' && secret === '' && !savedSecret)}>
            Test connection
          </Button>
          <Button onClick={save} loading={busy === 'save'} disabled={busy !== null || name.trim() === ''}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
