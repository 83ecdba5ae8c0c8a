import { Group, Loader, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import type { BillingOverview } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useCachedQuery } from '../api/useCachedQuery.ts';
import { routeHref, useRoute } from '../app/route.ts';
import type { Section } from '../app/sections.ts';
import { CopyLinkButton } from '../components/CopyLinkButton.tsx';
import { DataAge } from '../components/DataAge.tsx';
import { ReadFailed } from '../components/ReadFailed.tsx';
import { formatMoney } from '../format/money.ts';
import { SectionEmptyState } from '../sections/SectionEmptyState.tsx';
import { BillingFigures } from './BillingFigures.tsx';
import { ChurnRateChart, MrrChart, MrrMovementsChart } from './MrrCharts.tsx';
import { MrrByPlan } from './MrrByPlan.tsx';
import { PastDueTable } from './PastDueTable.tsx';
import { TenantsAtRisk } from './TenantsAtRisk.tsx';

const billingResources = ['billing', 'tenants'] as const;

/**
 * MRR, its movements and who is past due, from the active profile's cache: one currency at a time
 * (`#/billing?currency=eur`), since amounts in different currencies are never added up.
 */
export function BillingView({ section }: { section: Section }) {
  const { api } = useConsole();
  const overview = useCachedQuery(() => api['billing/overview']({ months: 12 }), billingResources, 'overview');
  if (overview.status === 'loading') return <Loader aria-label="Loading billing" />;
  if (overview.status === 'error') return <ReadFailed title="Billing could not be read" failure={overview} />;
  if (!overview.value.synced) return <SectionEmptyState section={section} />;
  return <BillingScreen overview={overview.value} />;
}

function BillingScreen({ overview }: { overview: BillingOverview }) {
  const { params } = useRoute();
  const { currencies } = overview;
  const shown = currencies.find((entry) => entry.currency === params.get('currency')) ?? currencies[0];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          <DataAge resources={billingResources} />
          <CopyLinkButton target={{ kind: 'view', view: 'billing', params: shown === undefined ? {} : { currency: shown.currency } }} />
        </Group>
        {currencies.length > 1 && shown !== undefined && (
          <Stack gap={2} align="flex-end">
            <SegmentedControl
              aria-label="Currency"
              data-testid="currency-switcher"
              value={shown.currency}
              onChange={(currency) => (window.location.hash = routeHref('billing', [], { currency }))}
              data={currencies.map((entry) => ({ value: entry.currency, label: `${entry.currency.toUpperCase()} · ${formatMoney(entry.latest.mrrCents, entry.currency, { compact: true })}` }))}
            />
            <Text size="xs" c="dimmed">
              Each currency on its own: amounts are never added across currencies
            </Text>
          </Stack>
        )}
      </Group>
      {shown === undefined ? (
        <Text c="dimmed">No tenant has MRR or past-due invoices in the cache.</Text>
      ) : (
        <Stack gap="md" data-testid="currency-section" data-currency={shown.currency}>
          <BillingFigures billing={shown} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm" style={{ alignItems: 'start' }}>
            <MrrMovementsChart billing={shown} />
            <MrrChart billing={shown} />
            <PastDueTable billing={shown} />
            <Stack gap="sm">
              <MrrByPlan billing={shown} />
              <ChurnRateChart billing={shown} />
            </Stack>
          </SimpleGrid>
        </Stack>
      )}
      <TenantsAtRisk overview={overview} />
    </Stack>
  );
}
