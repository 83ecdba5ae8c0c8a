import { Anchor, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { connectionStatus } from '../../../shared/ops-api/connectors.ts';
import type { ConnectionRow } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useCachedQuery } from '../api/useCachedQuery.ts';
import type { Loadable } from '../api/useConsoleValue.ts';
import type { Section } from '../app/sections.ts';
import { useRoute } from '../app/route.ts';
import { CopyLinkButton } from '../components/CopyLinkButton.tsx';
import { DataAge } from '../components/DataAge.tsx';
import { ReadFailed } from '../components/ReadFailed.tsx';
import { SectionEmptyState } from '../sections/SectionEmptyState.tsx';
import { ConnectionDrawer } from './ConnectionDrawer.tsx';
import { ConnectionList } from './ConnectionList.tsx';
import { connectionsHref } from './connector-links.ts';
import { connectorResources } from './connector-resources.ts';
import { ConnectorMatrix } from './ConnectorMatrix.tsx';
import { FailuresChart } from './FailuresChart.tsx';

type Status = ConnectionRow['status'];

/**
 * Connector health across tenants, from the active profile's cache: the status matrix, failures
 * per day, the connections of a cell (#/connectors?connector=…&status=…), and one connection's
 * drawer (#/connectors/connection/<id>).
 */
export function ConnectorsView({ section }: { section: Section }) {
  const { api } = useConsole();
  const { path, params } = useRoute();
  const matrix = useCachedQuery(() => api['connectors/matrix']({}), connectorResources, 'matrix');
  const opened = path[0] === 'connection' && path[1] !== undefined ? path[1] : null;
  const connector = params.get('connector');
  const status = connectionStatus.safeParse(params.get('status')).data ?? null;

  if (matrix.status === 'ready' && matrix.value.connectors.length === 0 && opened === null) return <SectionEmptyState section={section} />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <DataAge resources={connectorResources} />
        <CopyLinkButton target={{ kind: 'view', view: 'connectors', params: { ...(connector === null ? {} : { connector }), ...(status === null ? {} : { status }) } }} />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Panel title="Connections by status" hint="worst first · click a count to list those connections">
            {matrix.status === 'loading' && <Loader size="sm" aria-label="Loading connectors" />}
            {matrix.status === 'error' && <ReadFailed title="The connectors could not be read" failure={matrix} />}
            {matrix.status === 'ready' && <ConnectorMatrix connectors={matrix.value.connectors} selected={{ connector, status }} />}
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Failures />
        </Grid.Col>
      </Grid>
      <Connections connector={connector} connectorName={matrix.status === 'ready' ? (matrix.value.connectors.find((candidate) => candidate.id === connector)?.name ?? connector) : connector} status={status} />
      {opened !== null && <ConnectionDrawer key={opened} id={opened} />}
    </Stack>
  );
}

function Failures() {
  const { api } = useConsole();
  const failures = useCachedQuery(() => api['connectors/failures-by-day']({ days: 30 }), connectorResources, 'failures');
  return (
    <Panel title="Failed sync runs per day" hint={failures.status === 'ready' && failures.value.days.length > 0 ? `${failures.value.days[0]} to ${failures.value.days.at(-1)}, UTC days` : undefined}>
      {failures.status === 'loading' && <Loader size="sm" aria-label="Loading failures per day" />}
      {failures.status === 'error' && <ReadFailed title="Failures per day could not be read" failure={failures} />}
      {failures.status === 'ready' && <FailuresChart failures={failures.value} />}
    </Panel>
  );
}

function Connections({ connector, connectorName, status }: { connector: string | null; connectorName: string | null; status: Status | null }) {
  const { api } = useConsole();
  const filter = { ...(connector === null ? {} : { connectorId: connector }), ...(status === null ? {} : { status }) };
  const list: Loadable<{ connections: ConnectionRow[]; total: number }> = useCachedQuery(() => api['connectors/connections']({ ...filter, limit: 1_000 }), connectorResources, JSON.stringify(filter));
  const heading = [connectorName, status].filter((part) => part !== null).join(' · ');
  // A cell clicked in the matrix (or a link to one) lists its connections below the fold at 1440×900: bring them up.
  const panel = useRef<HTMLDivElement>(null);
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    if (filterKey !== '{}') panel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [filterKey]);
  return (
    <Panel
      title={heading === '' ? 'All connections' : `Connections · ${heading}`}
      hint={list.status === 'ready' ? (list.value.total > list.value.connections.length ? `${list.value.connections.length.toLocaleString('en-US')} of ${list.value.total.toLocaleString('en-US')}, worst first` : `${list.value.total.toLocaleString('en-US')}, worst first`) : undefined}
      action={
        heading === '' ? undefined : (
          <Anchor href={connectionsHref({})} size="sm">
            Show all connections
          </Anchor>
        )
      }
      testId="connections-panel"
      panelRef={panel}
    >
      {list.status === 'loading' && <Loader size="sm" aria-label="Loading connections" />}
      {list.status === 'error' && <ReadFailed title="The connections could not be read" failure={list} />}
      {list.status === 'ready' && list.value.connections.length === 0 && (
        <Text size="sm" c="dimmed" py="md" data-testid="connections-empty">
          No cached connections match.
        </Text>
      )}
      {list.status === 'ready' && list.value.connections.length > 0 && <ConnectionList connections={list.value.connections} />}
    </Panel>
  );
}

function Panel({ title, hint, action, testId, panelRef, children }: { title: string; hint?: string | undefined; action?: React.ReactNode; testId?: string; panelRef?: React.Ref<HTMLDivElement>; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId} ref={panelRef}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs" align="baseline">
          <Title order={4}>{title}</Title>
          {hint !== undefined && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </Group>
        {action}
      </Group>
      {children}
    </Paper>
  );
}
