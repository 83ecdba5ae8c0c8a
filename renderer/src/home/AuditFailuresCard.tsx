import { Anchor, Group, Table, Text } from '@mantine/core';
import type { HomeAuditEvent } from '../../../shared/console-api/index.ts';
import { routeHref } from '../app/route.ts';
import { OutcomeBadge } from '../audit/OutcomeBadge.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { AllClear, GlanceCard } from './GlanceCard.tsx';

const auditHref = (q: string) => routeHref('audit', [], { q });

/** The newest failed or denied audit events; each opens the audit trail on its kind of event. */
export function AuditFailuresCard({ events }: { events: HomeAuditEvent[] }) {
  return (
    <GlanceCard title="Recent failed or denied actions" more={{ href: auditHref('outcome:failure,denied'), label: 'Search them all' }} testId="home-audit">
      {events.length === 0 ? (
        <AllClear>No failed or denied audit events are cached.</AllClear>
      ) : (
        <Table verticalSpacing={4} horizontalSpacing={6} fz="sm">
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.seq} data-testid="home-audit-event">
                <Table.Td w={150}>
                  <Timestamp iso={event.occurredAt} dense />
                </Table.Td>
                <Table.Td>
                  <Anchor href={auditHref(`action:${event.action} outcome:${event.outcome}${event.tenantId === null ? '' : ` tenant:${event.tenantId}`}`)} size="sm" fw={600}>
                    {event.action}
                  </Anchor>
                </Table.Td>
                <Table.Td w={90} style={{ whiteSpace: "nowrap" }}>
                  <OutcomeBadge outcome={event.outcome} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate maw={230}>
                    {event.actor}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {event.tenantId === null ? (
                    <Text size="sm" c="dimmed">
                      platform
                    </Text>
                  ) : (
                    <Group gap={4} wrap="nowrap">
                      <Anchor href={routeHref('tenants', [event.tenantId])} size="sm" truncate maw={220}>
                        {event.tenantName ?? event.tenantId}
                      </Anchor>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </GlanceCard>
  );
}
