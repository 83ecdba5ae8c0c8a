import { Alert, Anchor, Code, Collapse, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { KeychainStatus } from '../../../shared/console-api/index.ts';

/** Why tokens cannot be saved, in one sentence; the keychain library's own error behind "Details". */
export function KeychainAlert({ keychain }: { keychain: KeychainStatus }) {
  const [open, { toggle }] = useDisclosure(false);
  if (keychain.available) return null;
  return (
    <Alert color="yellow" title="No keychain available">
      <Stack gap={4}>
        <Text size="sm">{keychain.detail}</Text>
        {keychain.error !== null && (
          <>
            <Anchor component="button" type="button" size="xs" onClick={toggle} aria-expanded={open}>
              {open ? 'Hide details' : 'Details'}
            </Anchor>
            <Collapse expanded={open}>
              <Code block>{keychain.error}</Code>
            </Collapse>
          </>
        )}
      </Stack>
    </Alert>
  );
}
