import { Card, Code, Divider, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppInfo, ThemePreference, TimeDisplay } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useSettingsValue } from '../app/SettingsContext.tsx';
import { ProfilesCard } from '../profiles/ProfilesCard.tsx';
import { ThresholdsForm } from '../queues/ThresholdsForm.tsx';
import { CopyDiagnosticsButton } from './CopyDiagnosticsButton.tsx';
import { UpdatesCard } from '../updates/UpdatesCard.tsx';
import { SettingRow } from './SettingRow.tsx';

export function SettingsView() {
  const { settings, update } = useSettingsValue();
  return (
    <Stack gap="lg" maw={860}>
      <ProfilesCard />
      <Card withBorder padding="lg">
        <Title order={4} mb="md">
          Appearance
        </Title>
        <Stack gap="md">
          <SettingRow label="Theme" hint="Auto follows the operating system.">
            <SegmentedControl
              aria-label="Theme"
              value={settings.theme}
              onChange={(value) => void update({ theme: value as ThemePreference })}
              data={[
                { value: 'auto', label: 'Auto' },
                { value: 'light', label: 'Light' },
                { value: 'dark', label: 'Dark' },
              ]}
            />
          </SettingRow>
          <SettingRow label="Times" hint="Stored in UTC; hover any time to see the other.">
            <SegmentedControl
              aria-label="Time display"
              value={settings.timeDisplay}
              onChange={(value) => void update({ timeDisplay: value as TimeDisplay })}
              data={[
                { value: 'local', label: 'Local time' },
                { value: 'utc', label: 'UTC' },
              ]}
            />
          </SettingRow>
        </Stack>
      </Card>
      <Card withBorder padding="lg">
        <Title order={4} mb={4}>
          Queue alerts
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          A queue past one of these raises one desktop notification and puts a badge on Queues; its recovery is noted. Each queue can override them from its page.
        </Text>
        <Stack maw={320}>
          <ThresholdsForm
            value={settings.queueAlerts.defaults}
            saveLabel="Save defaults"
            onSave={(defaults) => update({ queueAlerts: { ...settings.queueAlerts, defaults: { ...settings.queueAlerts.defaults, ...defaults } } })}
          />
        </Stack>
      </Card>
      <UpdatesCard />
      <AboutCard />
    </Stack>
  );
}

function AboutCard() {
  const { api } = useConsole();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api['app/info']({}).then(setInfo, (failure: Error) => setError(failure.message));
  }, [api]);

  return (
    <Card withBorder padding="lg">
      <Title order={4} mb="md">
        About
      </Title>
      {error !== null && <Text c="red">{error}</Text>}
      {error === null && info === null && <Loader size="sm" />}
      {info !== null && (
        <Table variant="vertical" withRowBorders={false} data-testid="app-info">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={160}>Version</Table.Th>
              <Table.Td>{info.version}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Running as</Table.Th>
              <Table.Td>{info.host === 'electron' ? 'Desktop app (Electron)' : 'Web host in a browser'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Data directory</Table.Th>
              <Table.Td>
                <Code>{info.dataDir}</Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>System</Table.Th>
              <Table.Td>{info.os}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      <Divider my="md" />
      <CopyDiagnosticsButton />
    </Card>
  );
}
