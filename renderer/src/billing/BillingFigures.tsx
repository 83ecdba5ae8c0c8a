import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CurrencyBilling } from '../../../shared/console-api/index.ts';
import { formatMoney } from '../format/money.ts';
import { formatMonth, formatRate, formatRatio } from './billing-format.ts';
import { DefinedLabel } from './DefinedLabel.tsx';
import type { MetricId } from './metric-definitions.ts';

/** The headline figures of one currency, each with its definition on hover. */
export function BillingFigures({ billing }: { billing: CurrencyBilling }) {
  const { latest, currency } = billing;
  const money = (cents: number) => formatMoney(cents, currency);
  const netNew = latest.newCents + latest.expansionCents + latest.reactivationCents - latest.contractionCents - latest.churnCents;
  // The latest month is the clock's own, so its movements are the month's so far.
  const month = `${formatMonth(latest.month)} so far`;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" data-testid="billing-figures">
      <Figure
        metric="mrr"
        label="MRR"
        value={money(latest.mrrCents)}
        note={netNew === 0 ? `unchanged, ${month}` : `${netNew > 0 ? '+' : '−'}${money(Math.abs(netNew))} net new in ${month}`}
        noteColor={netNew < 0 ? 'red' : netNew > 0 ? 'teal' : undefined}
        testId="figure-mrr"
      />
      <Figure metric="arr" label="ARR" value={money(billing.arrCents)} note="MRR × 12" />
      <Figure metric="arpa" label="ARPA" value={billing.arpaCents === null ? '—' : money(billing.arpaCents)} note="per paying tenant" />
      <Figure metric="activeTenants" label="Paying tenants" value={latest.activeTenants.toLocaleString()} note={month} />
      <Figure metric="grossChurn" label="Gross MRR churn" value={formatRate(latest.grossMrrChurnRate)} note={latest.grossMrrChurnRate === null ? 'no MRR at the start' : month} />
      <Figure
        metric="netChurn"
        label="Net MRR churn"
        value={formatRate(latest.netMrrChurnRate)}
        note={latest.netMrrChurnRate === null ? 'no MRR at the start' : latest.netMrrChurnRate < 0 ? 'net negative: growing' : month}
        noteColor={latest.netMrrChurnRate !== null && latest.netMrrChurnRate < 0 ? 'teal' : undefined}
      />
      <Figure metric="quickRatio" label="Quick ratio" value={latest.quickRatio === null ? '—' : formatRatio(latest.quickRatio)} note={latest.quickRatio === null ? `nothing lost, ${month}` : month} />
    </SimpleGrid>
  );
}

interface FigureProps {
  metric: MetricId;
  label: string;
  value: string;
  note: string;
  noteColor?: string;
  testId?: string;
}

function Figure({ metric, label, value, note, noteColor, testId }: FigureProps) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Stack gap={2}>
        <DefinedLabel metric={metric}>{label}</DefinedLabel>
        <Text fw={700} size="xl" ff="monospace" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {value}
        </Text>
        <Text size="xs" c={noteColor ?? 'dimmed'}>
          {note}
        </Text>
      </Stack>
    </Paper>
  );
}
