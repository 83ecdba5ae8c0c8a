import { Table, Text } from '@mantine/core';
import { statusesWorstFirst } from '../../../shared/console-api/index.ts';
import type { ConnectionRow, ConnectorHealth } from '../../../shared/console-api/index.ts';
import { connectionStatusColors } from './connection-status.tsx';
import { connectionsHref } from './connector-links.ts';
import classes from './ConnectorMatrix.module.css';

type Status = ConnectionRow['status'];

/** Connectors × connection statuses, worst first; each count links to the connections it counts. */
export function ConnectorMatrix({ connectors, selected }: { connectors: ConnectorHealth[]; selected: { connector: string | null; status: Status | null } }) {
  return (
    <Table.ScrollContainer minWidth={560} type="native">
    <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={8} data-testid="connector-matrix" className={classes.matrix}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Connector</Table.Th>
          {statusesWorstFirst.map((status) => (
            <Table.Th key={status} ta="center" c={connectionStatusColors[status]} tt="capitalize">
              {status}
            </Table.Th>
          ))}
          <Table.Th ta="center">Total</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {connectors.map((connector) => (
          <Table.Tr key={connector.id} data-connector={connector.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm" fw={600} span>
                {connector.name}
              </Text>{' '}
              <Text size="xs" c="dimmed" span>
                {connector.category}
              </Text>
            </Table.Td>
            {statusesWorstFirst.map((status) => (
              <Table.Td key={status} p={0} style={connector.counts[status] === 0 ? undefined : { background: `var(--mantine-color-${connectionStatusColors[status]}-light)` }}>
                <Cell connector={connector} status={status} current={selected.connector === connector.id && selected.status === status} />
              </Table.Td>
            ))}
            <Table.Td p={0}>
              <Cell connector={connector} status={null} current={selected.connector === connector.id && selected.status === null} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
    </Table.ScrollContainer>
  );
}

function Cell({ connector, status, current }: { connector: ConnectorHealth; status: Status | null; current: boolean }) {
  const count = status === null ? connector.total : connector.counts[status];
  if (count === 0) {
    return (
      <span className={classes.cell} data-empty>
        ·
      </span>
    );
  }
  const color = status === null ? null : connectionStatusColors[status];
  const label = `${count} ${status ?? ''} ${connector.name} connection${count === 1 ? '' : 's'}`.replace(/\s+/g, ' ');
  return (
    <a
      href={connectionsHref({ connector: connector.id, status: status ?? undefined })}
      className={classes.cell}
      aria-label={label}
      aria-current={current || undefined}
      data-status={status ?? 'all'}
      style={color === null ? undefined : { color: `var(--mantine-color-${color}-light-color)` }}
    >
      {count.toLocaleString('en-US')}
    </a>
  );
}
