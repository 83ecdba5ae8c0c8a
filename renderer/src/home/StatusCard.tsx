import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { HomeStatus } from '../../../shared/console-api/index.ts';
import { statusLevels } from './status-level.ts';

/** The platform's own status, component by component, in Statuspage's terms. */
export function StatusCard({ status }: { status: HomeStatus | null }) {
  return (
    <Card withBorder padding="md" radius="md" data-testid="home-status" h="100%">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>Platform status</Text>
          {status !== null && (
            <Badge variant="filled" color={statusLevels[status.overall].color} data-testid="home-status-overall">
              {statusLevels[status.overall].label}
            </Badge>
          )}
        </Group>
        {status === null ? (
          <Text size="sm" c="dimmed">
            The platform’s status has not been synced yet.
          </Text>
        ) : (
          <Table verticalSpacing={4} horizontalSpacing={4} fz="sm">
            <Table.Tbody>
              {status.components.map((component) => (
                <Table.Tr key={component.name} data-testid="home-status-component">
                  <Table.Td>{component.name}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <span aria-hidden style={{ width: 8, height: 8, borderRadius: 4, flex: 'none', background: `var(--mantine-color-${statusLevels[component.status].color}-6)` }} />
                      <Text size="sm" c={component.status === 'operational' ? 'dimmed' : statusLevels[component.status].color} span>
                        {statusLevels[component.status].label}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" c="dimmed">
                    {component.latencyMs === null ? '—' : component.latencyMs === 0 ? '<1 ms' : `${component.latencyMs} ms`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
