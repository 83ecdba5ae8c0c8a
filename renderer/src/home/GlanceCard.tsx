import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One block of Home: a title with a count, a few items, and a link to the whole view. */
export function GlanceCard({ title, count, countColor = 'gray', more, testId, children }: { title: string; count?: number; countColor?: string; more: { href: string; label: string }; testId: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md" data-testid={testId} h="100%">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} style={{ whiteSpace: "nowrap" }}>
              {title}
            </Text>
            {count !== undefined && (
              <Badge size="sm" variant="light" color={count === 0 ? 'gray' : countColor} circle={count < 10}>
                {count.toLocaleString('en-US')}
              </Badge>
            )}
          </Group>
          <Anchor href={more.href} size="sm">
            {more.label}
          </Anchor>
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** What a card says when it has nothing to show. */
export function AllClear({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}
