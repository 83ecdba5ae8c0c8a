import { Group, Loader, SimpleGrid } from '@mantine/core';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useCachedQuery } from '../api/useCachedQuery.ts';
import type { Section } from '../app/sections.ts';
import { CopyLinkButton } from '../components/CopyLinkButton.tsx';
import { DataAge } from '../components/DataAge.tsx';
import { ReadFailed } from '../components/ReadFailed.tsx';
import { SectionEmptyState } from '../sections/SectionEmptyState.tsx';
import { AuditFailuresCard } from './AuditFailuresCard.tsx';
import { BillingCard } from './BillingCard.tsx';
import { ConnectionsCard } from './ConnectionsCard.tsx';
import { QueueAlertsCard } from './QueueAlertsCard.tsx';
import { StatusCard } from './StatusCard.tsx';

const homeResources = ['status', 'queues', 'connectors', 'tenants', 'billing', 'audit'] as const;

/** The operator's morning glance: status, alerts, failing connections, money at risk, recent failures. One screen, no scrolling. */
export function HomeView({ section }: { section: Section }) {
  const { api } = useConsole();
  const glance = useCachedQuery(() => api['home/glance']({}), homeResources, 'glance');
  if (glance.status === 'loading') return <Loader aria-label="Loading home" />;
  if (glance.status === 'error') return <ReadFailed title="Home could not be read" failure={glance} />;
  const { status, connections, billing, audit } = glance.value;
  if (status === null && connections.total === 0 && billing.mrr.length === 0 && audit.length === 0) return <SectionEmptyState section={section} />;
  return (
    <>
      <Group justify="space-between">
        <DataAge resources={homeResources} />
        <CopyLinkButton target={{ kind: 'view', view: 'home', params: {} }} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <StatusCard status={status} />
        <QueueAlertsCard />
        <ConnectionsCard connections={connections} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <BillingCard billing={billing} />
        <div style={{ gridColumn: 'span 2' }}>
          <AuditFailuresCard events={audit} />
        </div>
      </SimpleGrid>
    </>
  );
}
