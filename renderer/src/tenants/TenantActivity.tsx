import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import type { TenantOverview } from '../../../shared/console-api/index.ts';
import { routeHref } from '../app/route.ts';
import { useNow } from '../app/useNow.ts';
import { relativeAge } from '../format/relative-age.ts';
import { OutcomeBadge } from '../audit/OutcomeBadge.tsx';
import { ConnectionStatusBadge } from '../connectors/connection-status.tsx';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { tenantAuditHref } from './tenant-route.ts';

/** The tenant's newest cached audit events, and the way to all of them in the audit view. */
export function TenantAuditEvents({ tenantId, audit }: { tenantId: string; audit: TenantOverview['audit'] }) {
  return (
    <Stack gap="xs">
      {audit.events.length === 0 ? (
        <Text size="sm" c="dimmed">
          No audit events of this tenant are cached.
        </Text>
      ) : (
        <ScrollableTable label="Audit events" minWidth={640} mah={340}>
          <Table stickyHeader verticalSpacing={3} fz="sm" data-testid="tenant-audit-events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Time</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Target</Table.Th>
                <Table.Th>Outcome</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.events.map((event) => (
                <Table.Tr key={event.seq} data-testid="tenant-audit-row">
                  <Table.Td>
                    <Timestamp iso={event.occurredAt} dense />
                  </Table.Td>
                  <Table.Td maw={220} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {event.actor}
                  </Table.Td>
                  <Table.Td ff="monospace">{event.action}</Table.Td>
                  <Table.Td maw={220} c={event.target === null ? 'dimmed' : undefined} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {event.target ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    <OutcomeBadge outcome={event.outcome} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {audit.total > audit.events.length ? `Newest ${audit.events.length} of ${audit.total.toLocaleString()} cached` : `${audit.total.toLocaleString()} cached`}
        </Text>
        <Anchor href={tenantAuditHref(tenantId)} size="sm" data-testid="tenant-audit-link">
          All audit events →
        </Anchor>
      </Group>
    </Stack>
  );
}

/** The tenant's connections, worst first, each opening its drawer in the connectors view. */
export function TenantConnections({ connections }: { connections: TenantOverview['connections'] }) {
  const now = useNow();
  if (connections.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No connections.
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="tenant-connections">
      {connections.map((link) => (
        <Group key={link.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="tenant-connection" data-status={link.status}>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor href={routeHref('connectors', ['connection', link.id])} size="sm" fw={600}>
              {link.connectorName}
            </Anchor>
            <Text size="xs" c={link.lastError === null ? 'dimmed' : 'red'} truncate="end" title={link.lastError ?? undefined}>
                {link.lastError ?? (link.lastSuccessAt === null ? 'never succeeded' : <span title={link.lastSuccessAt}>last success {relativeAge(link.lastSuccessAt, now)}</span>)}
            </Text>
          </Stack>
          <div style={{ flex: 'none' }}>
            <ConnectionStatusBadge status={link.status} />
          </div>
        </Group>
      ))}
    </Stack>
  );
}

/** The tenant's failed jobs across queues, newest first, each linking to its queue. */
export function TenantFailedJobs({ failedJobs }: { failedJobs: TenantOverview['failedJobs'] }) {
  if (failedJobs.total === 0) {
    return (
      <Text size="sm" c="dimmed">
        No failed jobs cached.
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="tenant-failed-jobs">
      {failedJobs.jobs.slice(0, 8).map((job) => (
        <Stack key={`${job.queue} ${job.id}`} gap={0} data-testid="tenant-failed-job">
          <Group gap={6} wrap="nowrap">
            <Anchor href={routeHref('queues', [job.queue])} size="sm" fw={600}>
              {job.queue}
            </Anchor>
            <Text size="sm" ff="monospace" truncate="end">
              {job.name}
            </Text>
          </Group>
          <Text size="xs" c="red" truncate="end" title={job.reason ?? undefined}>
            {job.reason ?? 'no reason given'}
          </Text>
        </Stack>
      ))}
      {failedJobs.total > 8 && (
        <Text size="xs" c="dimmed">
          and {(failedJobs.total - 8).toLocaleString()} more
        </Text>
      )}
    </Stack>
  );
}
