import { Button, Card, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { UpdateChannel, UpdaterState } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useSettingsValue } from '../app/SettingsContext.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { SettingRow } from '../sections/SettingRow.tsx';
import { RestartToUpdate } from './RestartToUpdate.tsx';
import { useUpdaterState } from './useUpdaterState.ts';

/** Settings → Updates: the channel, where the update stands, and a check on demand. */
export function UpdatesCard() {
  const { api } = useConsole();
  const { settings, update } = useSettingsValue();
  const updater = useUpdaterState();
  const state = updater.status === 'ready' ? updater.value : null;
  return (
    <Card withBorder padding="lg">
      <Title order={4} mb="md">
        Updates
      </Title>
      <Stack gap="md">
        <SettingRow label="Channel" hint="Beta gets new versions first; the desktop app checks on start and every 6 hours.">
          <SegmentedControl
            aria-label="Update channel"
            value={settings.updateChannel}
            onChange={(value) => void update({ updateChannel: value as UpdateChannel })}
            data={[
              { value: 'stable', label: 'Stable' },
              { value: 'beta', label: 'Beta' },
            ]}
          />
        </SettingRow>
        <Group justify="space-between" wrap="nowrap" data-testid="update-status">
          {updater.status === 'loading' && <Loader size="xs" />}
          {/* The only host without an updater is the browser's: it answers the state as not available. */}
          {updater.status === 'error' && <Text size="sm">This browser host does not update itself; the desktop app does.</Text>}
          {state !== null && <Text size="sm">{describe(state)}</Text>}
          {state?.status.kind === 'ready' && <RestartToUpdate />}
          {state !== null && state.status.kind !== 'off' && state.status.kind !== 'ready' && (
            <Button size="xs" variant="default" loading={state.status.kind === 'checking'} disabled={state.status.kind === 'downloading'} onClick={() => void api['updater/check']({})}>
              Check now
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function describe({ currentVersion, status }: UpdaterState) {
  switch (status.kind) {
    case 'off':
      return status.reason;
    case 'idle':
      return `Version ${currentVersion}; not checked yet.`;
    case 'checking':
      return 'Checking for updates…';
    case 'up-to-date':
      return (
        <>
          Version {currentVersion} is the latest; checked <Timestamp iso={status.checkedAt} />.
        </>
      );
    case 'downloading':
      return `Downloading ${status.version}: ${Math.round(status.percent)}%`;
    case 'ready':
      return `Version ${status.version} has downloaded; it installs when Opsdeck restarts.`;
    case 'offline':
      return (
        <>
          Offline at <Timestamp iso={status.checkedAt} />; the next check tries again.
        </>
      );
    case 'failed':
      return `The last check failed: ${status.message}`;
  }
}
