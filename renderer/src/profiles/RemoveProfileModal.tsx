import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ProfileView } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';

export function RemoveProfileModal({ profile, onClose }: { profile: ProfileView; onClose(): void }) {
  const { api } = useConsole();
  const [deleteCache, setDeleteCache] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    try {
      await api['profiles/remove']({ id: profile.id, deleteCache });
      onClose();
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`Remove ${profile.name}?`}>
      <Stack gap="md">
        <Text size="sm">Its token is deleted from the keychain. The platform itself is not touched.</Text>
        <Checkbox label="Also delete the data cached from this platform" checked={deleteCache} onChange={(e) => setDeleteCache(e.currentTarget.checked)} />
        {error && (
          <Text c="red" size="sm">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" onClick={() => void remove()} loading={busy}>
            Remove profile
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
