import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import type { ConnectionTestResult } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useActionCapabilities } from '../api/useActionCapabilities.ts';
import { Timestamp } from '../components/Timestamp.tsx';
import { formatLatency } from './format-latency.ts';

type Outcome = { kind: 'result'; result: ConnectionTestResult } | { kind: 'error'; message: string };

/** "Test connection" on the platform (scope connectors:write), disabled with the reason when it cannot run, and what it found. */
export function TestConnection({ id }: { id: string }) {
  const { api } = useConsole();
  const capabilities = useActionCapabilities(() => api['connectors/capabilities']({}));
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const reason = capabilities === null ? 'Asking the platform what this profile may do…' : !capabilities.allowed ? (capabilities.disabledReason ?? 'This profile’s token lacks the connectors:write scope.') : capabilities.disabledReason;

  const test = async () => {
    setRunning(true);
    try {
      setOutcome({ kind: 'result', result: await api['connectors/test']({ id }) });
    } catch (error) {
      setOutcome({ kind: 'error', message: (error as Error).message });
    } finally {
      setRunning(false);
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button size="xs" variant="light" leftSection={<IconPlugConnected size={14} />} disabled={reason !== null} loading={running} onClick={() => void test()} data-testid="test-connection">
          Test connection
        </Button>
        {reason !== null && (
          <Text size="xs" c="dimmed" data-testid="test-connection-disabled">
            {reason}
          </Text>
        )}
      </Group>
      {outcome?.kind === 'error' && (
        <Alert color="red" variant="light" title="The test could not run" data-testid="test-connection-result" data-ok="false">
          {outcome.message}
        </Alert>
      )}
      {outcome?.kind === 'result' && (
        <Alert color={outcome.result.ok ? 'teal' : 'red'} variant="light" title={outcome.result.ok ? `Connected in ${formatLatency(outcome.result.latencyMs)}` : 'The connection test failed'} data-testid="test-connection-result" data-ok={outcome.result.ok}>
          <Stack gap={4}>
            {outcome.result.error !== null && (
              <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {outcome.result.error}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              Tested <Timestamp iso={outcome.result.testedAt} />
              {outcome.result.ok ? '' : ` · answered in ${formatLatency(outcome.result.latencyMs)}`}
            </Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
