import { SimpleGrid } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import { useMemo } from 'react';
import type { CurrencyBilling } from '../../../shared/console-api/index.ts';
import { formatMoney } from '../format/money.ts';
import { formatMonth, formatRate } from './billing-format.ts';
import { ChartCard } from './ChartCard.tsx';
import { MrrByPlan } from './MrrByPlan.tsx';

// Charts that animate redraw on every sync; the figures are the point here.
const still = { isAnimationActive: false };

/** One currency's months: MRR movements as stacked bars (losses below zero), MRR and paying tenants, the churn rates, and MRR by plan now. */
export function MrrCharts({ billing }: { billing: CurrencyBilling }) {
  const { currency, months } = billing;
  const data = useMemo(
    () =>
      months.map((month) => ({
        month: formatMonth(month.month, true),
        new: month.newCents,
        expansion: month.expansionCents,
        reactivation: month.reactivationCents,
        contraction: -month.contractionCents,
        churn: -month.churnCents,
        mrr: month.mrrCents,
        tenants: month.activeTenants,
        gross: month.grossMrrChurnRate === null ? null : month.grossMrrChurnRate * 100,
        net: month.netMrrChurnRate === null ? null : month.netMrrChurnRate * 100,
      })),
    [months],
  );
  const money = (cents: number) => formatMoney(cents, currency);
  const axisMoney = (cents: number) => formatMoney(cents, currency, { compact: true });
  const axis = { xAxisProps: { minTickGap: 16 }, yAxisProps: { tickFormatter: axisMoney, width: 70 } };
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      <ChartCard metric="netNew" title="MRR movements" testId="mrr-movements-chart">
        <BarChart
          h={260}
          data={data}
          dataKey="month"
          type="stacked"
          withLegend
          legendProps={{ verticalAlign: 'top', height: 44 }}
          valueFormatter={money}
          {...axis}
          barChartProps={{ stackOffset: 'sign' }}
          barProps={still}
          referenceLines={[{ y: 0, color: 'gray.5' }]}
          series={[
            { name: 'new', label: 'New business', color: 'blue.6' },
            { name: 'expansion', label: 'Expansion', color: 'teal.6' },
            { name: 'reactivation', label: 'Reactivation', color: 'grape.5' },
            { name: 'contraction', label: 'Contraction', color: 'orange.6' },
            { name: 'churn', label: 'Churn', color: 'red.7' },
          ]}
        />
      </ChartCard>
      <ChartCard metric="mrr" title="MRR and paying tenants" testId="mrr-chart">
        <LineChart h={170} data={data} dataKey="month" valueFormatter={money} {...axis} lineProps={still} curveType="linear" series={[{ name: 'mrr', label: 'MRR', color: 'blue.6' }]} />
        <LineChart
          h={90}
          data={data}
          dataKey="month"
          valueFormatter={(value) => `${value.toLocaleString()} tenants`}
          xAxisProps={{ minTickGap: 16 }}
          yAxisProps={{ width: 70, allowDecimals: false }}
          lineProps={still}
          curveType="step"
          series={[{ name: 'tenants', label: 'Paying tenants', color: 'gray.6' }]}
        />
      </ChartCard>
      <ChartCard metric="grossChurn" title="Gross and net MRR churn rate" testId="churn-rate-chart">
        <LineChart
          h={180}
          data={data}
          dataKey="month"
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 30 }}
          valueFormatter={(value) => formatRate(value / 100)}
          xAxisProps={{ minTickGap: 16 }}
          yAxisProps={{ width: 70, tickFormatter: (value: number) => `${value} %` }}
          referenceLines={[{ y: 0, color: 'gray.5' }]}
          lineProps={still}
          curveType="linear"
          connectNulls={false}
          series={[
            { name: 'gross', label: 'Gross MRR churn', color: 'red.6' },
            { name: 'net', label: 'Net MRR churn', color: 'orange.5' },
          ]}
        />
      </ChartCard>
      <MrrByPlan billing={billing} />
    </SimpleGrid>
  );
}
