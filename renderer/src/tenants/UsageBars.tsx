import { Group, Progress, Stack, Text } from '@mantine/core';
import type { TenantOverview } from '../../../shared/console-api/index.ts';
import { metricLabel, usageLevel, usageLevelColors } from './usage-level.ts';

const number = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 1 });

/** Seats used of the limit and each metered use against its quota: amber from 80 %, red over. */
export function UsageBars({ tenant }: { tenant: TenantOverview['tenant'] }) {
  // The seats bar comes from the tenant itself; usage repeats it as a metric.
  const metered = (tenant.usage ?? []).filter((usage) => usage.metric !== 'seats');
  return (
    <Stack gap="sm" data-testid="tenant-usage">
      <UsageBar label="Seats" used={tenant.seatsUsed} limit={tenant.seatsLimit} />
      {metered.map((usage) => (
        <UsageBar key={usage.metric} label={metricLabel(usage.metric)} used={usage.used} limit={usage.limit} />
      ))}
      <Text size="xs" c="dimmed">
        {tenant.usage === null ? 'Usage not synced yet.' : metered[0] ? `Period ends ${metered[0].periodEnd.slice(0, 10)}` : 'No metered usage.'}
      </Text>
    </Stack>
  );
}

function UsageBar({ label, used, limit }: { label: string; used: number; limit: number | null }) {
  const level = usageLevel(used, limit);
  const percent = limit === null || limit === 0 ? null : (used / limit) * 100;
  return (
    <div data-testid="usage-bar" data-metric={label} data-level={level}>
      <Group justify="space-between" gap="xs" mb={2}>
        <Text size="sm">{label}</Text>
        <Text size="sm" c={level === 'ok' ? 'dimmed' : usageLevelColors[level]} fw={level === 'ok' ? undefined : 600} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {number(used)} {limit === null ? 'used · no limit' : `of ${number(limit)}`}
          {percent !== null && ` · ${Math.round(percent)} %`}
        </Text>
      </Group>
      <Progress value={percent === null ? 0 : Math.min(100, percent)} color={usageLevelColors[level]} size="md" aria-label={`${label}: ${number(used)}${limit === null ? '' : ` of ${number(limit)}`}`} />
    </div>
  );
}
