import { Anchor, Group, Table, Text } from '@mantine/core';
import type { ConnectionRow } from '../../../shared/console-api/index.ts';
import { useNow } from '../app/useNow.ts';
import { formatLatency } from './format-latency.ts';
import { tenantHref } from '../tenants/tenant-route.ts';
import { ConnectionStatusBadge, LatenessBadge } from './connection-status.tsx';
import { connectionHref } from './connector-links.ts';
import classes from './ConnectionList.module.css';
import { RelativeTime } from './RelativeTime.tsx';

const number = (value: number) => value.toLocaleString('en-US');
const percent = (rate: number) => `${(rate * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;

/** Connections with their tenant, status, timing, volume and last error; each opens its drawer. */
export function ConnectionList({ connections }: { connections: ConnectionRow[] }) {
  const now = useNow();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table highlightOnHover verticalSpacing={6} data-testid="connection-list" className={classes.list}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Connection</Table.Th>
            <Table.Th>Tenant</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sync</Table.Th>
            <Table.Th>Last success</Table.Th>
            <Table.Th ta="right">Records 24 h</Table.Th>
            <Table.Th ta="right">Error rate</Table.Th>
            <Table.Th ta="right">p95</Table.Th>
            <Table.Th>Last error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connections.map((row) => (
            <Table.Tr key={row.id} data-testid="connection-row" data-connection={row.id} onClick={(event) => (event.target as HTMLElement).closest('a') === null && (window.location.hash = connectionHref(row.id))} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Anchor href={connectionHref(row.id)} size="sm" fw={600}>
                  {row.connectorName}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {row.id}
                </Text>
              </Table.Td>
              <Table.Td maw={220}>
                <Anchor href={tenantHref(row.tenantId)} size="sm" truncate="end" display="block">
                  {row.tenantName ?? row.tenantId}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" miw="max-content">
                  <ConnectionStatusBadge status={row.status} />
                  <LatenessBadge lateness={row.lateness} />
                </Group>
              </Table.Td>
              <Table.Td fz="sm">
                <RelativeTime iso={row.lastSyncAt} now={now} />
              </Table.Td>
              <Table.Td fz="sm">
                <RelativeTime iso={row.lastSuccessAt} now={now} />
              </Table.Td>
              <Table.Td ta="right" ff="monospace" fz="sm">
                {number(row.records24h)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" fz="sm" c={row.errorRate24h >= 0.5 ? 'red' : row.errorRate24h > 0.1 ? 'orange' : undefined}>
                {percent(row.errorRate24h)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" fz="sm">
                {row.latencyP95Ms === null ? '—' : formatLatency(row.latencyP95Ms)}
              </Table.Td>
              <Table.Td maw={360}>
                {row.lastError === null ? (
                  <Text size="xs" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Text size="xs" c="red" truncate="end" title={`${row.lastError.code}: ${row.lastError.message}`}>
                    <Text span size="xs" ff="monospace" fw={600}>
                      {row.lastError.code}
                    </Text>{' '}
                    {row.lastError.message}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
