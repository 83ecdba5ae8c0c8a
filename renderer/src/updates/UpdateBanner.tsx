import { Alert, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { RestartToUpdate } from './RestartToUpdate.tsx';
import { useUpdaterState } from './useUpdaterState.ts';

/** "Restart to update" above every screen once an update has downloaded; Opsdeck never restarts without this click. */
export function UpdateBanner() {
  const updater = useUpdaterState();
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (updater.status !== 'ready' || updater.value.status.kind !== 'ready') return null;
  const { version } = updater.value.status;
  if (dismissed === version) return null;
  return (
    <Alert
      color="teal"
      icon={<IconRefresh size={18} />}
      mb="md"
      title={`Opsdeck ${version} is ready`}
      data-testid="update-banner"
      withCloseButton
      closeButtonLabel="Later"
      onClose={() => setDismissed(version)}
    >
      <Group justify="space-between" wrap="nowrap" gap="md" align="flex-start">
        <Text size="sm">It downloaded in the background and installs when Opsdeck restarts. Nothing restarts until you choose to; Settings keeps this offer.</Text>
        <RestartToUpdate />
      </Group>
    </Alert>
  );
}
