import { Button, Tooltip } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconLink } from '@tabler/icons-react';
import { deepLinkOf } from '../../../shared/deep-link.ts';
import type { DeepLinkTarget } from '../../../shared/deep-link.ts';

/** Copies the opsdeck:// link of what this page shows, for an incident channel or a ticket. */
export function CopyLinkButton({ target }: { target: DeepLinkTarget }) {
  const clipboard = useClipboard({ timeout: 1_500 });
  const link = deepLinkOf(target);
  return (
    <Tooltip label={clipboard.copied ? 'Copied' : link} openDelay={300}>
      <Button
        variant="default"
        size="xs"
        leftSection={clipboard.copied ? <IconCheck size={14} /> : <IconLink size={14} />}
        onClick={() => clipboard.copy(link)}
        data-testid="copy-link"
        data-link={link}
      >
        {clipboard.copied ? 'Link copied' : 'Copy link'}
      </Button>
    </Tooltip>
  );
}
