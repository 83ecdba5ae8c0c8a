import { Group, Progress, Stack, Text } from '@mantine/core';
import type { CurrencyBilling } from '../../../shared/console-api/index.ts';
import { formatMoney } from '../format/money.ts';
import { ChartCard } from './ChartCard.tsx';

/** Each plan's share of one currency's MRR now. */
export function MrrByPlan({ billing }: { billing: CurrencyBilling }) {
  const total = billing.byPlan.reduce((sum, plan) => sum + plan.mrrCents, 0);
  return (
    <ChartCard metric="byPlan" title="MRR by plan" testId="mrr-by-plan">
      {billing.byPlan.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tenant pays in {billing.currency.toUpperCase()} now.
        </Text>
      ) : (
        <Stack gap="sm">
          {billing.byPlan.map((plan) => (
            <Stack key={plan.plan} gap={4} data-testid="plan-row">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {plan.plan}
                  <Text span size="xs" c="dimmed" ml={6}>
                    {plan.tenants.toLocaleString()} {plan.tenants === 1 ? 'tenant' : 'tenants'}
                  </Text>
                </Text>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(plan.mrrCents, billing.currency)}
                  <Text span size="xs" c="dimmed" ml={6}>
                    {Math.round((plan.mrrCents / total) * 100)} %
                  </Text>
                </Text>
              </Group>
              <Progress value={(plan.mrrCents / total) * 100} size="sm" aria-label={`${plan.plan} share of MRR`} />
            </Stack>
          ))}
        </Stack>
      )}
    </ChartCard>
  );
}
