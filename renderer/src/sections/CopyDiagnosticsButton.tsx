import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconClipboardText } from '@tabler/icons-react';
import { useState } from 'react';
import { useConsole } from '../api/ConsoleContext.tsx';

type CopyState =
  | { kind: 'idle' | 'copying' }
  | { kind: 'copied'; text: string }
  /** `text` is null when the diagnostics could not be gathered, else the clipboard refused it. */
  | { kind: 'failed'; reason: string; text: string | null };

/**
 * Copies what a bug report needs (versions, profiles, sync state, cache sizes; never a secret)
 * to the clipboard, and shows what was copied, so nobody shares it unseen.
 */
export function CopyDiagnosticsButton() {
  const { api } = useConsole();
  const [state, setState] = useState<CopyState>({ kind: 'idle' });

  async function copy() {
    setState({ kind: 'copying' });
    let text: string | null = null;
    try {
      text = (await api['app/diagnostics']({ browser: navigator.userAgent })).text;
      await navigator.clipboard.writeText(text);
      setState({ kind: 'copied', text });
    } catch (error) {
      setState({ kind: 'failed', reason: (error as Error).message, text });
    }
  }

  const shown = state.kind === 'copied' || state.kind === 'failed' ? state.text : null;
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="nowrap">
        <Button variant="default" leftSection={<IconClipboardText size={16} />} loading={state.kind === 'copying'} onClick={() => void copy()}>
          Copy diagnostics
        </Button>
        <Text size="sm" c={state.kind === 'copied' ? 'teal' : 'dimmed'} role="status">
          {state.kind === 'copied' ? (
            <>
              <IconCheck size={14} style={{ verticalAlign: -2 }} /> Copied to the clipboard: the text below.
            </>
          ) : (
            'Versions, profile names and kinds, sync state and cache sizes, for a bug report. Never a token or a password.'
          )}
        </Text>
      </Group>
      {state.kind === 'failed' && (
        <Alert color="red" variant="light" title="Could not copy the diagnostics">
          {state.text === null ? state.reason : `The clipboard refused them: ${state.reason.replace(/\.$/, '')}. Select the text below and copy it yourself.`}
        </Alert>
      )}
      {shown !== null && <Textarea readOnly autosize minRows={4} maxRows={14} value={shown} aria-label="Diagnostics" styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }} />}
    </Stack>
  );
}
