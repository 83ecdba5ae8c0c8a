import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Section } from '../app/sections.ts';

/** What a section shows before there is data: what will appear, and how to get it. */
export function SectionEmptyState({ section, children }: { section: Section; children?: React.ReactNode }) {
  return (
    <Center mih="60vh">
      <Stack align="center" gap="sm" maw={520} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">
          <section.icon size={30} stroke={1.5} />
        </ThemeIcon>
        <Title order={3}>{section.empty.title}</Title>
        <Text c="dimmed">{section.empty.text}</Text>
        <Text size="sm" c="dimmed">
          Connect a platform profile in <a href="#/settings">Settings</a>.
        </Text>
        {children}
      </Stack>
    </Center>
  );
}
