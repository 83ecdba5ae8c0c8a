import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useConsole } from '../api/ConsoleContext.tsx';

/** The one button that restarts into a downloaded update; the main side refuses it while work runs, and says why. */
export function RestartToUpdate() {
  const { api } = useConsole();
  const [restarting, setRestarting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const restart = () => {
    setRestarting(true);
    setRefusal(null);
    api['updater/restart']({}).catch((error: Error) => {
      setRestarting(false);
      setRefusal(error.message);
    });
  };
  return (
    <Stack gap={4} align="flex-end">
      <Button size="xs" color="teal" onClick={restart} loading={restarting}>
        Restart to update
      </Button>
      {refusal !== null && (
        <Text size="xs" c="red" role="alert" maw={360} ta="right">
          {refusal}
        </Text>
      )}
    </Stack>
  );
}
