import { Anchor, Card, Center, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import type { SyncResource } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useCachedQuery } from '../api/useCachedQuery.ts';
import { routeHref } from '../app/route.ts';
import { ReadFailed } from '../components/ReadFailed.tsx';
import { SupportAccessGate } from '../support-access/SupportAccessGate.tsx';
import { InvoicesTable, MrrChart, SubscriptionCard } from './BillingCards.tsx';
import { TenantAuditEvents, TenantConnections, TenantFailedJobs } from './TenantActivity.tsx';
import { TenantHeader } from './TenantHeader.tsx';
import { UsageBars } from './UsageBars.tsx';

const resources: readonly SyncResource[] = ['tenants', 'billing', 'audit', 'connectors', 'failed-jobs'];

/** Everything cached about one tenant on one page, the support engineer's home; it works offline. */
export function TenantPage({ id }: { id: string }) {
  const { api } = useConsole();
  const overview = useCachedQuery(() => api['tenants/overview']({ id }), resources, id);
  if (overview.status === 'loading') return <Loader aria-label="Loading the tenant" />;
  if (overview.status === 'error') return <ReadFailed title="The tenant could not be read" failure={overview} />;
  if (overview.value === null) return <NotCached id={id} />;
  const { tenant, billing, audit, connections, failedJobs } = overview.value;
  return (
    <SupportAccessGate tenant={tenant}>
      <Stack gap="md" data-testid="tenant-page">
        <TenantHeader tenant={tenant} resources={resources} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              <Panel title="Usage">
                <UsageBars tenant={tenant} />
              </Panel>
              <Panel title="Invoices">{billing === null ? <NoBilling /> : <InvoicesTable billing={billing} currency={tenant.currency} />}</Panel>
              <Panel title="Recent audit events">
                <TenantAuditEvents tenantId={tenant.id} audit={audit} />
              </Panel>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <Panel title="Subscription">{billing === null ? <NoBilling /> : <SubscriptionCard billing={billing} />}</Panel>
              <Panel title="MRR history">{billing === null ? <NoBilling /> : <MrrChart billing={billing} currency={tenant.currency} />}</Panel>
              <Panel title={`Connections (${connections.length})`}>
                <TenantConnections connections={connections} />
              </Panel>
              <Panel title={`Failed jobs (${failedJobs.total.toLocaleString()})`}>
                <TenantFailedJobs failedJobs={failedJobs} />
              </Panel>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </SupportAccessGate>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="sm" radius="md">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb="xs">
        {title}
      </Text>
      {children}
    </Card>
  );
}

const NoBilling = () => (
  <Text size="sm" c="dimmed">
    Billing is not synced for this tenant (yet, or the token lacks billing:read).
  </Text>
);

function NotCached({ id }: { id: string }) {
  return (
    <Center mih="50vh" data-testid="tenant-not-cached">
      <Stack align="center" gap="xs" maw={520} ta="center">
        <IconBuildingCommunity size={40} stroke={1.5} color="var(--mantine-color-dimmed)" />
        <Title order={3}>Tenant {id} is not in the cache</Title>
        <Text c="dimmed">The platform did not list it at the last sync: it may have been removed, or the id is mistyped. Once it syncs, it shows here.</Text>
        <Anchor href={routeHref('tenants')}>Back to all tenants</Anchor>
      </Stack>
    </Center>
  );
}
