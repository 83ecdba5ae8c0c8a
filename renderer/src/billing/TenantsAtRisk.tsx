import { Anchor, Badge, Box, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import type { BillingOverview } from '../../../shared/console-api/index.ts';
import { routeHref } from '../app/route.ts';
import { Timestamp } from '../components/Timestamp.tsx';
import { formatMoney } from '../format/money.ts';
import { formatMonth } from './billing-format.ts';

const dayLabel = (iso: string) => new Date(iso).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Trials ending this week and cards expiring next month, in every currency; each links to its tenant page. */
export function TenantsAtRisk({ overview }: { overview: BillingOverview }) {
  const { trialsEnding, cardsExpiring } = overview;
  const weekEnd = new Date(Date.parse(trialsEnding.to) - 1).toISOString();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm" style={{ alignItems: 'start' }}>
      <RiskCard title={`Trials ending this week (${trialsEnding.trials.length})`} detail={`${dayLabel(trialsEnding.from)} – ${dayLabel(weekEnd)} (UTC), all currencies`} testId="trials-ending">
        {trialsEnding.trials.length === 0 ? (
          <Text size="sm" c="dimmed">
            No trial ends this week.
          </Text>
        ) : (
          <Table verticalSpacing={4} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tenant</Table.Th>
                <Table.Th>Plan</Table.Th>
                <Table.Th>Trial ends</Table.Th>
                <Table.Th>Card</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trialsEnding.trials.map((trial) => (
                <Table.Tr key={trial.tenantId} data-testid="trial-row">
                  <Table.Td>
                    <TenantLink id={trial.tenantId} name={trial.tenantName} />
                  </Table.Td>
                  <Table.Td>{trial.plan}</Table.Td>
                  <Table.Td>
                    <Timestamp iso={trial.trialEnd} />
                    {Date.parse(trial.trialEnd) < Date.parse(overview.asOf) && (
                      <Badge size="xs" variant="light" color="gray" ml={6}>
                        ended
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {trial.hasPaymentMethod ? (
                      <Text size="sm">on file</Text>
                    ) : (
                      <Badge size="sm" color="orange" variant="light">
                        none
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </RiskCard>
      <RiskCard title={`Cards expiring next month (${cardsExpiring.cards.length})`} detail={`expiring in ${formatMonth(cardsExpiring.month)}, tenants still billed, all currencies`} testId="cards-expiring">
        {cardsExpiring.cards.length === 0 ? (
          <Text size="sm" c="dimmed">
            No billed tenant’s card expires next month.
          </Text>
        ) : (
          <Table verticalSpacing={4} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tenant</Table.Th>
                <Table.Th>Card</Table.Th>
                <Table.Th ta="right">MRR at stake</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cardsExpiring.cards.map((card) => (
                <Table.Tr key={card.tenantId} data-testid="card-row">
                  <Table.Td>
                    <TenantLink id={card.tenantId} name={card.tenantName} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" tt="capitalize" span>
                      {card.brand.replace('_', ' ')}
                    </Text>{' '}
                    <Text size="sm" ff="monospace" span>
                      ·· {card.last4} · {String(card.expMonth).padStart(2, '0')}/{String(card.expYear).slice(-2)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {card.mrrCents === 0 ? <Text size="sm" c="dimmed" span>trial</Text> : formatMoney(card.mrrCents, card.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </RiskCard>
    </SimpleGrid>
  );
}

function TenantLink({ id, name }: { id: string; name: string | null }) {
  return (
    <Anchor href={routeHref('tenants', [id])} size="sm" fw={600}>
      {name ?? id}
    </Anchor>
  );
}

function RiskCard({ title, detail, testId, children }: { title: string; detail: string; testId: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Box mb="xs">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      </Box>
      <Table.ScrollContainer minWidth={420} mah={260}>
        {children}
      </Table.ScrollContainer>
    </Paper>
  );
}
