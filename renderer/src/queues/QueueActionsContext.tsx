import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ActionResult, QueueAction, QueueCapabilities } from '../../../shared/console-api/index.ts';
import { describeQueueAction } from '../../../shared/queues/describe-action.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useActionCapabilities } from '../api/useActionCapabilities.ts';

interface QueueActions {
  capabilities: QueueCapabilities | null;
  /** Asks the user to confirm `action` (built when asked, e.g. a group's ids), then carries it out. */
  request(build: () => Promise<QueueAction>): void;
}

const Context = createContext<QueueActions>({ capabilities: null, request: () => {} });
export const useQueueActions = () => useContext(Context);

const environmentNames: Record<string, string> = { prod: 'PRODUCTION', staging: 'STAGING', dev: 'DEV' };

/** What queue actions the active profile allows, and the one confirmation every action goes through. */
export function QueueActionsProvider({ children }: { children: React.ReactNode }) {
  const { api } = useConsole();
  const capabilities = useActionCapabilities(() => api['queues/capabilities']({}));
  const [pending, setPending] = useState<QueueAction | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const request = useCallback(
    (build: () => Promise<QueueAction>) =>
      void build().then(setPending, (error: Error) => setOutcome({ ok: false, message: error.message })),
    [],
  );
  const confirm = async () => {
    if (pending === null) return;
    setRunning(true);
    try {
      const result: ActionResult = await api['queues/act'](pending);
      setOutcome({ ok: result.failed === 0, message: result.message });
    } catch (error) {
      setOutcome({ ok: false, message: (error as Error).message });
    } finally {
      setRunning(false);
      setPending(null);
    }
  };
  const value = useMemo(() => ({ capabilities, request }), [capabilities, request]);
  const environment = capabilities?.environment ?? '';
  const where = environmentNames[environment] ?? capabilities?.profile ?? '';

  return (
    <Context.Provider value={value}>
      {outcome !== null && (
        <Alert color={outcome.ok ? 'teal' : 'red'} withCloseButton onClose={() => setOutcome(null)} mb="sm" data-testid="queue-action-result">
          {outcome.message}
        </Alert>
      )}
      {children}
      <Modal opened={pending !== null} onClose={() => !running && setPending(null)} title="Confirm" centered>
        {pending !== null && (
          <Stack gap="md" data-testid="queue-action-confirm">
            <Text>
              {describeQueueAction(pending)} on{' '}
              <Text span fw={700} c={environment === 'prod' ? 'red' : undefined}>
                {where}
              </Text>
              ?
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)} disabled={running}>
                Cancel
              </Button>
              <Button color={environment === 'prod' ? 'red' : undefined} onClick={() => void confirm()} loading={running} data-autofocus>
                {describeQueueAction(pending).split(' ')[0]}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Context.Provider>
  );
}

/** Says why no actions are offered, once that is known: the token may only read. */
export function ReadOnlyNote() {
  const { capabilities } = useQueueActions();
  if (capabilities === null || capabilities.allowed || capabilities.profile === null) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="queue-read-only" title={capabilities.disabledReason ?? undefined}>
      Read-only: this profile's token cannot act on queues
    </Text>
  );
}

/** A queue action's button: absent without the scope, disabled with the reason when offline. */
export function QueueActionButton({ label, build, color, testId }: { label: string; build: () => Promise<QueueAction>; color?: string; testId?: string }) {
  const { capabilities, request } = useQueueActions();
  if (capabilities === null || !capabilities.allowed) return null;
  const disabled = capabilities.disabledReason;
  return (
    <Button
      size="xs"
      variant="light"
      color={color}
      disabled={disabled !== null}
      title={disabled ?? undefined}
      data-testid={testId}
      onClick={(event) => {
        event.stopPropagation();
        request(build);
      }}
    >
      {label}
    </Button>
  );
}
