import { Alert, Button, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { useColorScheme } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ConsoleClient } from '../api/console-client.ts';
import { ConsoleContext } from '../api/ConsoleContext.tsx';
import { SettingsContext } from './SettingsContext.tsx';
import { Shell } from './Shell.tsx';
import { readableColors, theme } from './theme.ts';
import { useSettings } from './useSettings.ts';

export function App({ client }: { client: ConsoleClient }) {
  return (
    <ConsoleContext.Provider value={client}>
      <ThemedConsole />
    </ConsoleContext.Provider>
  );
}

function ThemedConsole() {
  const state = useSettings();
  const osScheme = useColorScheme();
  const preference = state.status === 'ready' ? state.settings.theme : 'auto';
  const scheme = preference === 'auto' ? osScheme : preference;

  return (
    <MantineProvider theme={theme} cssVariablesResolver={readableColors} forceColorScheme={scheme}>
      {state.status === 'loading' && (
        <Center h="100vh">
          <Loader aria-label="Starting Opsdeck" />
        </Center>
      )}
      {state.status === 'error' && (
        <Center h="100vh">
          <Alert color="red" title="Opsdeck could not start" icon={<IconAlertTriangle />} maw={520}>
            <Stack gap="sm">
              <Text size="sm">{state.message}</Text>
              <Button variant="light" color="red" onClick={state.retry} w="fit-content">
                Try again
              </Button>
            </Stack>
          </Alert>
        </Center>
      )}
      {state.status === 'ready' && (
        <SettingsContext.Provider value={{ settings: state.settings, update: state.update }}>
          <Shell />
        </SettingsContext.Provider>
      )}
    </MantineProvider>
  );
}
