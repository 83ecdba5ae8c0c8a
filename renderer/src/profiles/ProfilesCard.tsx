import { ActionIcon, Alert, Badge, Button, Card, Group, Loader, Menu, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { profileAddress } from '../../../shared/console-api/index.ts';
import type { ProfileTestResult as Result, ProfileView, ProfilesState, TokenStorage } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { environmentColor } from './environment-color.ts';
import { KeychainAlert } from './KeychainAlert.tsx';
import { ProfileFormModal } from './ProfileFormModal.tsx';
import { ProfileTestResult } from './ProfileTestResult.tsx';
import { RemoveProfileModal } from './RemoveProfileModal.tsx';
import { useProfiles } from './useProfiles.ts';

const secretLabels: Record<ProfileView['kind'], Record<TokenStorage, string>> = {
  'ops-api': { keychain: 'token in keychain', session: 'token for this session only', none: 'no token' },
  bullmq: { keychain: 'password in keychain', session: 'password for this session only', none: 'no password' },
};

type Dialog = { kind: 'form'; editing: ProfileView | null } | { kind: 'remove'; profile: ProfileView } | null;

export function ProfilesCard() {
  const profiles = useProfiles();
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={4}>Profiles</Title>
        <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setDialog({ kind: 'form', editing: null })} disabled={profiles.status !== 'ready'}>
          Add profile
        </Button>
      </Group>
      {profiles.status === 'loading' && <Loader size="sm" />}
      {profiles.status === 'error' && (
        <Alert color="red" title="Profiles could not be read">
          {profiles.message}
        </Alert>
      )}
      {profiles.status === 'ready' && <ProfilesTable state={profiles.value} onEdit={(editing) => setDialog({ kind: 'form', editing })} onRemove={(profile) => setDialog({ kind: 'remove', profile })} />}
      {dialog?.kind === 'form' && profiles.status === 'ready' && (
        <ProfileFormModal editing={dialog.editing} keychain={profiles.value.keychain} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'remove' && <RemoveProfileModal profile={dialog.profile} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function ProfilesTable({ state, onEdit, onRemove }: { state: ProfilesState; onEdit(profile: ProfileView): void; onRemove(profile: ProfileView): void }) {
  const { api } = useConsole();
  const [tests, setTests] = useState<Record<string, Result | 'running'>>({});

  async function test(id: string) {
    setTests((current) => ({ ...current, [id]: 'running' }));
    const result = await api['profiles/test']({ id }).catch((error: Error): Result => ({ ok: false, message: error.message }));
    setTests((current) => ({ ...current, [id]: result }));
  }

  if (state.profiles.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No profiles yet. Add one with the base URL of your platform’s Ops API and an API token, or with the Redis URL of your BullMQ queues.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Table verticalSpacing="xs" data-testid="profiles-table">
        <Table.Tbody>
          {state.profiles.map((profile) => {
            const active = profile.id === state.activeId;
            const result = tests[profile.id];
            return (
              <Table.Tr key={profile.id} data-testid={`profile-${profile.id}`}>
                <Table.Td>
                  <Group gap="xs">
                    <Text fw={500}>{profile.name}</Text>
                    <Badge size="sm" color={environmentColor(profile.environment, profile.color)}>
                      {profile.environment}
                    </Badge>
                    {profile.kind === 'bullmq' && (
                      <Badge size="sm" variant="outline" color="gray" tt="none">
                        BullMQ{profile.readOnly ? ' · read-only' : ''}
                      </Badge>
                    )}
                    {active && (
                      <Badge size="sm" variant="light">
                        active
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {profileAddress(profile)} · {secretLabels[profile.kind][profile.token]}
                  </Text>
                  {result !== undefined && result !== 'running' && (
                    <Stack mt="xs">
                      <ProfileTestResult result={result} />
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td w={260}>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {!active && (
                      <Button size="xs" variant="default" onClick={() => void api['profiles/activate']({ id: profile.id })}>
                        Use
                      </Button>
                    )}
                    <Tooltip label={profile.kind === 'bullmq' ? 'Connect to Redis and list the BullMQ queues' : profile.token === 'none' ? 'Save a token first' : 'GET /v1/me with the saved token'}>
                      <Button size="xs" variant="light" onClick={() => void test(profile.id)} loading={result === 'running'} disabled={profile.kind === 'ops-api' && profile.token === 'none'}>
                        Test
                      </Button>
                    </Tooltip>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" aria-label={`More actions for ${profile.name}`}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => onEdit(profile)} disabled={profile.builtIn}>
                          Edit
                        </Menu.Item>
                        <Menu.Item color="red" onClick={() => onRemove(profile)} disabled={profile.builtIn}>
                          Remove
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <KeychainAlert keychain={state.keychain} />
    </Stack>
  );
}
