import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { AreaChart } from '@mantine/charts';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TenantBillingView, TenantInvoice } from '../../../shared/console-api/index.ts';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { formatMoney } from '../format/money.ts';

const invoiceColors: Record<TenantInvoice['status'], string> = { draft: 'gray', open: 'blue', paid: 'teal', uncollectible: 'red', void: 'gray' };
// Billing happens by the UTC calendar day (as Stripe's dates): the day, the exact time on hover.
const date = (iso: string | null) => (iso === null ? '—' : <span title={`${iso.replace('T', ' ').replace('Z', '')} UTC`}>{iso.slice(0, 10)}</span>);
const brandName = (brand: string) => brand.charAt(0).toUpperCase() + brand.slice(1);

/** The subscription, as Stripe states it, and the card that pays it, warning before it expires. */
export function SubscriptionCard({ billing }: { billing: TenantBillingView }) {
  const { subscription: sub, paymentMethod: card } = billing;
  return (
    <Stack gap="xs" data-testid="tenant-subscription">
      {sub === null ? (
        <Text size="sm" c="dimmed">
          No subscription.
        </Text>
      ) : (
        <Table variant="vertical" withRowBorders={false} verticalSpacing={4} fz="sm">
          <Table.Tbody>
            <Row label="Status">
              <Badge size="sm" variant="light" color={sub.status === 'active' ? 'teal' : sub.status === 'trialing' ? 'blue' : sub.status === 'canceled' ? 'gray' : 'orange'}>
                {sub.status.replace('_', ' ')}
              </Badge>
            </Row>
            <Row label="Plan">
              {sub.planName}, billed {sub.interval === 'month' ? 'monthly' : 'yearly'}
            </Row>
            <Row label="Period">
              {date(sub.currentPeriodStart)} – {date(sub.currentPeriodEnd)}
            </Row>
            <Row label="Trial ends">{date(sub.trialEnd)}</Row>
            <Row label="Cancels at">{sub.cancelAt === null ? '—' : <Text span c="orange" size="sm">{date(sub.cancelAt)}</Text>}</Row>
            <Row label="Card">{card === null ? 'none on file' : `${brandName(card.brand)} •••• ${card.last4}, expires ${String(card.expMonth).padStart(2, '0')}/${card.expYear}`}</Row>
          </Table.Tbody>
        </Table>
      )}
      {card !== null && card.expiry !== 'ok' && (
        <Alert color={card.expiry === 'expired' ? 'red' : 'orange'} icon={<IconAlertTriangle size={16} />} p="xs" data-testid="card-expiry-warning">
          {card.expiry === 'expired' ? 'The card on file has expired: the next payment will fail.' : 'The card on file expires within 30 days.'}
        </Alert>
      )}
    </Stack>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={110} fw={500} c="dimmed" bg="transparent">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Invoices past due and open first, each coloured by its status, amounts in the tenant's currency; then the upcoming one. */
export function InvoicesTable({ billing, currency }: { billing: TenantBillingView; currency: string }) {
  const { invoices, upcomingInvoice } = billing;
  return (
    <Stack gap="xs">
      {upcomingInvoice !== null && (
        <Text size="sm" data-testid="upcoming-invoice">
          Upcoming: <b>{formatMoney(upcomingInvoice.amountDueCents, currency)}</b> on {date(upcomingInvoice.at)}
        </Text>
      )}
      {invoices.length === 0 ? (
        <Text size="sm" c="dimmed">
          No invoices.
        </Text>
      ) : (
        <ScrollableTable label="Invoices" minWidth={520} mah={300}>
          <Table stickyHeader verticalSpacing={4} fz="sm" data-testid="tenant-invoices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoices.map((invoice) => (
                <Table.Tr key={invoice.id} data-testid="invoice-row" data-status={invoice.pastDue ? 'past_due' : invoice.status}>
                  <Table.Td ff="monospace">{invoice.number}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant={invoice.pastDue ? 'filled' : 'light'} color={invoice.pastDue ? 'red' : invoiceColors[invoice.status]}>
                      {invoice.pastDue ? 'past due' : invoice.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(invoice.amountDueCents, invoice.currency)}
                  </Table.Td>
                  <Table.Td>{date(invoice.createdAt)}</Table.Td>
                  <Table.Td c={invoice.pastDue ? 'red' : undefined}>{date(invoice.dueAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}
    </Stack>
  );
}

/** MRR month by month, in the tenant's currency. */
export function MrrChart({ billing, currency }: { billing: TenantBillingView; currency: string }) {
  if (billing.mrrHistory.length < 2) {
    return (
      <Text size="sm" c="dimmed">
        Not enough MRR history to chart.
      </Text>
    );
  }
  return (
    <Group data-testid="tenant-mrr-chart">
      <AreaChart
        h={180}
        w="100%"
        data={billing.mrrHistory.map((point) => ({ month: point.month, mrr: point.mrrCents }))}
        dataKey="month"
        series={[{ name: 'mrr', label: 'MRR', color: 'teal.6' }]}
        curveType="stepAfter"
        withDots={false}
        valueFormatter={(cents) => formatMoney(cents, currency, { compact: true })}
        yAxisProps={{ width: 70 }}
        gridAxis="y"
      />
    </Group>
  );
}
