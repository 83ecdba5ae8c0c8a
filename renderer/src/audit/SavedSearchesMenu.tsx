import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { auditDeepLink } from '../../../shared/deep-link.ts';
import type { SourceId } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useConsoleValue } from '../api/useConsoleValue.ts';

/** Named searches of the active profile, and the link that reopens the current one. */
export function SavedSearchesMenu({ q, source, onOpen }: { q: string; source: SourceId | undefined; onOpen(q: string): void }) {
  const { api } = useConsole();
  const saved = useConsoleValue(() => api['searches/list']({}), 'searches/changed');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function save() {
    try {
      await api['searches/save']({ name, q });
      setNaming(false);
      setName('');
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  async function copyLink() {
    await navigator.clipboard.writeText(auditDeepLink(q, source));
    setCopied(true);
    setTimeout(() => setCopied(false), 1_500);
  }

  const searches = saved.status === 'ready' ? saved.value.searches : [];
  return (
    <>
      <Menu position="bottom-end" width={340}>
        <Menu.Target>
          <Button variant="default" size="md" leftSection={<IconBookmark size={16} />}>
            Saved
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {searches.length === 0 && <Menu.Label>No saved searches for this profile yet</Menu.Label>}
          {searches.map((search) => (
            <Menu.Item
              key={search.id}
              onClick={() => onOpen(search.q)}
              rightSection={
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`Delete ${search.name}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    void api['searches/delete']({ id: search.id });
                  }}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              }
            >
              <Text size="sm">{search.name}</Text>
              <Text size="xs" c="dimmed" ff="monospace" truncate="end">
                {search.q || '(everything)'}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconBookmark size={14} />} onClick={() => setNaming(true)}>
            Save this search…
          </Menu.Item>
          <Menu.Item leftSection={<IconLink size={14} />} onClick={() => void copyLink()} closeMenuOnClick={false}>
            {copied ? 'Link copied' : 'Copy opsdeck:// link'}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming} onClose={() => setNaming(false)} title="Save this search">
        <Stack gap="sm">
          <Text size="sm" ff="monospace" c="dimmed">
            {q || '(everything)'}
          </Text>
          <TextInput label="Name" value={name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus error={error} onKeyDown={(event) => event.key === 'Enter' && void save()} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setNaming(false)}>
              Cancel
            </Button>
            <Button onClick={() => void save()} disabled={name.trim() === ''}>
              Save
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
