import { Table, Text } from '@mantine/core';

type Changes = Record<string, { before: unknown; after: unknown }>;

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

/** What an event changed, field by field, before and after. */
export function ChangesDiff({ changes }: { changes: Changes }) {
  return (
    <Table withTableBorder fz="xs" data-testid="changes-diff">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {Object.entries(changes).map(([field, { before, after }]) => (
          <Table.Tr key={field}>
            <Table.Td ff="monospace">{field}</Table.Td>
            <Table.Td bg="var(--mantine-color-red-light)">
              <Text span size="xs" ff="monospace" td="line-through">
                {show(before)}
              </Text>
            </Table.Td>
            <Table.Td bg="var(--mantine-color-teal-light)">
              <Text span size="xs" ff="monospace">
                {show(after)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
