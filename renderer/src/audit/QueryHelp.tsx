import { ActionIcon, Code, Popover, Stack, Table, Text } from '@mantine/core';
import { IconHelp } from '@tabler/icons-react';
import { fieldHelp } from '../../../shared/audit-query/index.ts';

/** The "?" next to the query bar: the whole language on one card. */
export function QueryHelp() {
  return (
    <Popover width={560} position="bottom-end" shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" size="lg" aria-label="Query language help">
          <IconHelp size={20} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">
            Words and <Code>"quoted phrases"</Code> search action, actor, target, metadata and changes. Filters and words all have to match;
            put <Code>-</Code> before either to exclude.
          </Text>
          <Table withRowBorders={false} verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {fieldHelp.map((help) => (
                <Table.Tr key={help.field}>
                  <Table.Td>
                    <Code>{help.example}</Code>
                  </Table.Td>
                  <Table.Td>{help.description}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            Example: <Code>tenant:acme action:role.* -actor:system after:7d "admin"</Code>
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
