import { Code, Table, Text } from '@mantine/core';

/** The cells every job list starts with: its id, its name and its tenant. */
export function JobIdentityCells({ id, name, tenantId }: { id: string; name: string; tenantId: string | null }) {
  return (
    <>
      <Table.Td>
        <Code>{id}</Code>
      </Table.Td>
      <Table.Td>{name}</Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {tenantId ?? ''}
        </Text>
      </Table.Td>
    </>
  );
}
