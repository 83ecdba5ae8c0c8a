import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { CurrencyBilling } from '../../../shared/console-api/index.ts';
import { routeHref } from '../app/route.ts';
import { formatMoney } from '../format/money.ts';
import { ChartCard } from './ChartCard.tsx';

/** One currency's tenants owing past their due date, largest amount first; each links to its tenant page. */
export function PastDueTable({ billing }: { billing: CurrencyBilling }) {
  const { pastDue, currency } = billing;
  return (
    <ChartCard metric="pastDue" title={`Past due and unpaid (${pastDue.length})`} testId="past-due">
      {pastDue.length === 0 ? (
        <Text size="sm" c="dimmed">
          No {currency.toUpperCase()} invoice is past due.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480} mah={320}>
          <Table verticalSpacing={4} highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tenant</Table.Th>
                <Table.Th ta="right">Overdue</Table.Th>
                <Table.Th ta="right">Invoices</Table.Th>
                <Table.Th ta="right">Days overdue</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pastDue.map((row) => (
                <Table.Tr key={row.tenantId} data-testid="past-due-row" data-tenant={row.tenantId}>
                  <Table.Td>
                    <Anchor href={routeHref('tenants', [row.tenantId])} size="sm" fw={600}>
                      {row.tenantName ?? row.tenantId}
                    </Anchor>
                    {row.uncollectible && (
                      <Badge size="xs" color="red" variant="light" ml={6}>
                        uncollectible
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(row.amountCents, currency)}
                  </Table.Td>
                  <Table.Td ta="right">{row.invoices}</Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" c={row.daysOverdue > 30 ? 'red' : row.daysOverdue > 7 ? 'orange' : undefined} fw={row.daysOverdue > 30 ? 700 : undefined}>
                      {row.daysOverdue}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ChartCard>
  );
}
