import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { HomeGlance } from '../../../shared/console-api/index.ts';
import { routeHref } from '../app/route.ts';
import { useNow } from '../app/useNow.ts';
import { ConnectionStatusBadge, LatenessBadge } from '../connectors/connection-status.tsx';
import { relativeAge } from '../format/relative-age.ts';
import { AllClear, GlanceCard } from './GlanceCard.tsx';


/** Connections failing, disconnected or late with their syncs, worst first. */
export function ConnectionsCard({ connections }: { connections: HomeGlance['connections'] }) {
  const now = useNow();
  const needing = connections.failing + connections.disconnected + connections.late;
  return (
    <GlanceCard title="Failing, late connections" count={needing} countColor="red" more={{ href: routeHref('connectors'), label: 'All connectors' }} testId="home-connections">
      <Text size="xs" c="dimmed">
        {connections.failing} failing · {connections.disconnected} disconnected · {connections.late} late, of {connections.total.toLocaleString('en-US')}
      </Text>
      {connections.worst.length === 0 ? (
        <AllClear>{connections.total === 0 ? 'No connections are cached yet.' : 'Every connection is syncing on time.'}</AllClear>
      ) : (
        <Stack gap={6}>
          {connections.worst.map((connection) => (
            <Group key={connection.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="home-connection">
              <Stack gap={0} miw={0}>
                <Anchor href={routeHref('connectors', ['connection', connection.id])} size="sm" fw={600} truncate>
                  {connection.connectorName} · {connection.tenantName ?? connection.tenantId}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {connection.lastSuccessAt === null ? 'never succeeded' : `last success ${relativeAge(connection.lastSuccessAt, now)}`}
                </Text>
              </Stack>
              <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
                <LatenessBadge lateness={connection.lateness} />
                <ConnectionStatusBadge status={connection.status} />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </GlanceCard>
  );
}
