import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { HomeGlance } from '../../../shared/console-api/index.ts';
import { routeHref } from '../app/route.ts';
import { formatMoney } from '../format/money.ts';
import { AllClear, GlanceCard } from './GlanceCard.tsx';

/** This month's MRR, one figure per currency (never summed across them), and the past-due tenants. */
export function BillingCard({ billing }: { billing: HomeGlance['billing'] }) {
  return (
    <GlanceCard title="MRR and past-due tenants" count={billing.pastDueCount} countColor="red" more={{ href: routeHref('billing'), label: 'Billing' }} testId="home-billing">
      <Group gap="lg" data-testid="home-mrr">
        {billing.mrr.length === 0 ? (
          <AllClear>No MRR is cached yet.</AllClear>
        ) : (
          billing.mrr.map((entry) => (
            <Stack key={entry.currency} gap={0}>
              <Text size="xs" c="dimmed">
                MRR this month, {entry.currency.toUpperCase()}
              </Text>
              <Text fw={700} size="lg" ff="monospace">
                {formatMoney(entry.mrrCents, entry.currency)}
              </Text>
            </Stack>
          ))
        )}
      </Group>
      {billing.pastDue.length === 0 ? (
        <AllClear>No tenant is past due.</AllClear>
      ) : (
        <Stack gap={6}>
          {billing.pastDue.map((tenant) => (
            <Group key={tenant.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="home-past-due">
              <Anchor href={routeHref('tenants', [tenant.id])} size="sm" fw={600} truncate>
                {tenant.name}
              </Anchor>
              <Text size="sm" c="red" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {tenant.overdueCents > 0 ? `${formatMoney(tenant.overdueCents, tenant.currency)} open` : `${formatMoney(tenant.mrrCents, tenant.currency)} / mo`}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </GlanceCard>
  );
}
