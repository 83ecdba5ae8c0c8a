import { BarChart, LineChart } from '@mantine/charts';
import { useMemo } from 'react';
import type { CurrencyBilling } from '../../../shared/console-api/index.ts';
import { formatMoney } from '../format/money.ts';
import { formatMonth, formatRate } from './billing-format.ts';
import { ChartCard } from './ChartCard.tsx';

// Charts that animate redraw on every sync; the figures are the point here.
const still = { isAnimationActive: false };

function useChartData(months: CurrencyBilling['months']) {
  return useMemo(
    () =>
      months.map((month) => ({
        month: formatMonth(month.month),
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
}

/** Money on a chart's value axis and in its tooltip, in the chart's currency. */
function moneyAxis(currency: string) {
  return {
    valueFormatter: (cents: number) => formatMoney(cents, currency),
    yAxisProps: { tickFormatter: (cents: number) => formatMoney(cents, currency, { compact: true }), width: 70 },
  };
}

/** One currency's MRR movements as stacked bars, losses below zero. */
export function MrrMovementsChart({ billing }: { billing: CurrencyBilling }) {
  const data = useChartData(billing.months);
  return (
    <ChartCard metric="netNew" title="MRR movements" testId="mrr-movements-chart">
      <BarChart
        h={230}
        data={data}
        dataKey="month"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'top', height: 44 }}
        {...moneyAxis(billing.currency)}
        xAxisProps={{ minTickGap: 16 }}
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
  );
}

/** One currency's MRR by month, with its paying tenants beneath on their own scale. */
export function MrrChart({ billing }: { billing: CurrencyBilling }) {
  const data = useChartData(billing.months);
  return (
    <ChartCard metric="mrr" title="MRR and paying tenants" testId="mrr-chart">
      <LineChart
        h={170}
        data={data}
        dataKey="month"
        {...moneyAxis(billing.currency)}
        xAxisProps={{ minTickGap: 16 }}
        lineProps={still}
        curveType="linear"
        series={[{ name: 'mrr', label: 'MRR', color: 'blue.6' }]}
      />
      <LineChart
        h={80}
        data={data}
        dataKey="month"
        valueFormatter={(value) => `${value.toLocaleString()} paying`}
        withXAxis={false}
        yAxisProps={{ width: 70, allowDecimals: false, domain: [0, 'dataMax'], tickCount: 3 }}
        lineProps={still}
        curveType="step"
        series={[{ name: 'tenants', label: 'Paying tenants', color: 'gray.6' }]}
      />
    </ChartCard>
  );
}

/** One currency's gross and net MRR churn rate by month; net below zero is net negative churn. */
export function ChurnRateChart({ billing }: { billing: CurrencyBilling }) {
  const data = useChartData(billing.months);
  return (
    <ChartCard metric="grossChurn" title="Gross and net MRR churn rate" testId="churn-rate-chart">
      <LineChart
        h={200}
        data={data}
        dataKey="month"
        withLegend
        legendProps={{ verticalAlign: 'top', height: 36 }}
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
  );
}
