import { Alert, Button, Drawer, Group, Loader, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconBuilding, IconFileSearch } from '@tabler/icons-react';
import type { ConnectionRow, ConnectionRunRow } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useCachedQuery } from '../api/useCachedQuery.ts';
import { useSettingsValue } from '../app/SettingsContext.tsx';
import { useNow } from '../app/useNow.ts';
import { CopyLinkButton } from '../components/CopyLinkButton.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { formatDuration } from '../format/duration.ts';
import { tenantHref } from '../tenants/tenant-route.ts';
import { ConnectionStatusBadge, LatenessBadge } from './connection-status.tsx';
import { connectionAuditHref, connectionsHref } from './connector-links.ts';
import { connectorResources } from './connector-resources.ts';
import { formatLatency } from './format-latency.ts';
import { RelativeTime } from './RelativeTime.tsx';
import { RunsChart } from './RunsChart.tsx';
import { TestConnection } from './TestConnection.tsx';

/**
 * One connection from the cache: its runs as a chart and a table, its last error whole, a live
 * test, and where to look next. Closing it shows the list it belongs to (its connector and status).
 */
export function ConnectionDrawer({ id }: { id: string }) {
  const { api } = useConsole();
  const loaded = useCachedQuery(() => api['connectors/connection']({ id }), connectorResources, id);
  const onClose = () => {
    const shown = loaded.status === 'ready' ? loaded.value.connection : null;
    window.location.hash = connectionsHref(shown === null ? {} : { connector: shown.connectorId, status: shown.status });
  };
  const title = loaded.status === 'ready' ? `${loaded.value.connection.connectorName} · ${loaded.value.connection.tenantName ?? loaded.value.connection.tenantId}` : id;
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={<Title order={4}>{title}</Title>} scrollAreaComponent={ScrollArea.Autosize}>
      {loaded.status === 'loading' && <Loader size="sm" aria-label="Loading the connection" />}
      {loaded.status === 'error' && (
        <Alert color="red" title="This connection could not be read">
          {loaded.message}
        </Alert>
      )}
      {loaded.status === 'ready' && <ConnectionDetail connection={loaded.value.connection} runs={loaded.value.runs} />}
    </Drawer>
  );
}

function ConnectionDetail({ connection, runs }: { connection: ConnectionRow; runs: ConnectionRunRow[] }) {
  const now = useNow();
  const { settings } = useSettingsValue();
  return (
    <Stack gap="md" data-testid="connection-drawer" data-connection={connection.id}>
      <Group justify="space-between">
        <Group gap="xs">
          <ConnectionStatusBadge status={connection.status} size="md" />
          <LatenessBadge lateness={connection.lateness} />
          <Text size="sm" ff="monospace" c="dimmed">
            {connection.id}
          </Text>
        </Group>
        <CopyLinkButton target={{ kind: 'connection', id: connection.id }} />
      </Group>
      <Group gap="xs">
        <Button size="xs" variant="light" component="a" href={tenantHref(connection.tenantId)} leftSection={<IconBuilding size={14} />}>
          Tenant {connection.tenantName ?? connection.tenantId}
        </Button>
        <Button size="xs" variant="light" component="a" href={connectionAuditHref(connection.id)} leftSection={<IconFileSearch size={14} />} data-testid="connection-audit-link">
          Audit events of this connection
        </Button>
      </Group>
      <SimpleGrid cols={4} spacing="xs" verticalSpacing={4}>
        <Fact label="Last sync" value={<RelativeTime iso={connection.lastSyncAt} now={now} />} />
        <Fact label="Last success" value={<RelativeTime iso={connection.lastSuccessAt} now={now} />} />
        <Fact label="Next sync" value={connection.nextSyncAt === null ? 'not scheduled' : <Timestamp iso={connection.nextSyncAt} />} />
        <Fact label="Every" value={formatDuration(connection.syncIntervalS * 1_000)} />
        <Fact label="Records, 24 h" value={connection.records24h.toLocaleString('en-US')} />
        <Fact label="Error rate, 24 h" value={`${(connection.errorRate24h * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`} />
        <Fact label="Latency p95" value={connection.latencyP95Ms === null ? '—' : formatLatency(connection.latencyP95Ms)} />
      </SimpleGrid>
      {connection.lastError !== null && (
        <Alert color="red" variant="light" title={`Last error · ${connection.lastError.code}`} data-testid="connection-last-error">
          <Stack gap={4}>
            <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {connection.lastError.message}
            </Text>
            <Text size="xs" c="dimmed">
              <Timestamp iso={connection.lastError.at} />
            </Text>
          </Stack>
        </Alert>
      )}
      <TestConnection id={connection.id} />
      <Title order={5}>Sync runs</Title>
      {runs.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="connection-runs-empty">
          No runs cached for the last 30 days: this connection has not synced in that time, or its runs have not been fetched yet.
        </Text>
      ) : (
        <>
          <RunsChart runs={runs} timeDisplay={settings.timeDisplay} />
          <RunsTable runs={runs} />
        </>
      )}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </Stack>
  );
}

function RunsTable({ runs }: { runs: ConnectionRunRow[] }) {
  return (
    <Table verticalSpacing={4} fz="sm" data-testid="connection-runs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Started</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th ta="right">Duration</Table.Th>
          <Table.Th ta="right">Records</Table.Th>
          <Table.Th>Error</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((run) => (
          <Table.Tr key={run.id} data-testid="connection-run" data-status={run.status}>
            <Table.Td>
              <Timestamp iso={run.startedAt} dense />
            </Table.Td>
            <Table.Td c={run.status === 'failed' ? 'red' : run.status === 'running' ? 'blue' : undefined}>{run.status}</Table.Td>
            <Table.Td ta="right" ff="monospace">
              {run.durationMs === null ? '—' : formatLatency(run.durationMs)}
            </Table.Td>
            <Table.Td ta="right" ff="monospace">
              {run.records.toLocaleString('en-US')}
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
                {run.error}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
