import { Alert, Button, ColorInput, Group, Modal, NumberInput, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { defaultProfileOptions } from '../../../shared/console-api/index.ts';
import type { EnvironmentTag, KeychainStatus, ProfileTestResult as Result, ProfileView } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
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
  const [name, setName] = useState(editing?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(editing?.baseUrl ?? 'https://');
  const [environment, setEnvironment] = useState<EnvironmentTag>(editing?.environment ?? 'prod');
  const [color, setColor] = useState(editing?.color ?? '#7048e8');
  const [token, setToken] = useState('');
  const [sessionOnly, setSessionOnly] = useState(!keychain.available || editing?.token === 'session');
  const [proxyUrl, setProxyUrl] = useState(editing?.options.proxyUrl ?? '');
  const [caFile, setCaFile] = useState(editing?.options.caFile ?? '');
  const [timeoutS, setTimeoutS] = useState((editing?.options.timeoutMs ?? defaultProfileOptions.timeoutMs) / 1000);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [testResult, setTestResult] = useState<Result | null>(null);
  const [error, setError] = useState<{ kind: 'test' | 'save'; message: string } | null>(null);

  const options = { proxyUrl: proxyUrl.trim() || null, caFile: caFile.trim() || null, timeoutMs: Math.round(timeoutS * 1000) };

  async function run(kind: 'test' | 'save', work: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError({ kind, message: (failure as Error).message });
    } finally {
      setBusy(null);
    }
  }

  const test = () =>
    run('test', async () => {
      setTestResult(
        token === '' && editing !== null
          ? await api['profiles/test']({ id: editing.id })
          : await api['profiles/test']({ baseUrl: baseUrl.trim(), token, options }),
      );
    });

  const save = () =>
    run('save', async () => {
      await api['profiles/save']({
        ...(editing ? { id: editing.id } : {}),
        name,
        baseUrl: baseUrl.trim(),
        environment,
        color: environment === 'custom' ? color : null,
        options,
        ...(token ? { token, tokenStorage: sessionOnly ? 'session' : 'keychain' } : {}),
      });
      onClose();
    });

  return (
    <Modal opened onClose={onClose} title={editing ? `Edit ${editing.name}` : 'Add a platform profile'} size="lg">
      <Stack gap="sm">
        <TextInput label="Name" placeholder="Acme production" value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
        <TextInput label="Base URL" description="The Ops API root; paths under /v1 are added." value={baseUrl} onChange={(e) => setBaseUrl(e.currentTarget.value)} required />
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
          label="API token"
          description={editing && editing.token !== 'none' ? 'Leave empty to keep the saved token.' : 'Sent only to this platform; kept in the OS keychain, never in a file.'}
          value={token}
          onChange={(e) => setToken(e.currentTarget.value)}
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
        <Group grow align="flex-start">
          <TextInput label="Proxy" placeholder="http://proxy:3128" value={proxyUrl} onChange={(e) => setProxyUrl(e.currentTarget.value)} />
          <TextInput label="Extra CA certificate (PEM file)" placeholder="/etc/ssl/acme-ca.pem" value={caFile} onChange={(e) => setCaFile(e.currentTarget.value)} />
          <NumberInput label="Timeout (s)" min={1} max={300} value={timeoutS} onChange={(value) => setTimeoutS(Number(value) || 15)} />
        </Group>
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
          <Button variant="light" onClick={test} loading={busy === 'test'} disabled={busy !== null || (token === '' && (editing === null || editing.token === 'none'))}>
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
