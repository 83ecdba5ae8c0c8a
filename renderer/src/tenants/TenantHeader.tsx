import { ActionIcon, Badge, Code, CopyButton, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconCopy } from '@tabler/icons-react';
import type { SyncResource, TenantOverview } from '../../../shared/console-api/index.ts';
import { routeHref } from '../app/route.ts';
import { CopyLinkButton } from '../components/CopyLinkButton.tsx';
import { DataAge } from '../components/DataAge.tsx';
import { TenantStatusBadge } from './tenant-status.tsx';

/** Name, id (copyable), status, plan, region and owner; a link others can open to see the same page. */
export function TenantHeader({ tenant, resources }: { tenant: TenantOverview['tenant']; resources: readonly SyncResource[] }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Tooltip label="All tenants">
          <ActionIcon component="a" href={routeHref('tenants')} variant="subtle" aria-label="All tenants" mt={6}>
            <IconArrowLeft size={18} />
          </ActionIcon>
        </Tooltip>
        <Stack gap={4}>
          <Group gap="sm" align="center">
            <Title order={2} data-testid="tenant-name">
              {tenant.name}
            </Title>
            <TenantStatusBadge status={tenant.status} />
            <Badge size="lg" variant="outline" color="gray" tt="none">
              {tenant.planName}
            </Badge>
          </Group>
          <Group gap="md">
            <Group gap={4}>
              <Code data-testid="tenant-id">{tenant.id}</Code>
              <CopyButton value={tenant.id}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy id'}>
                    <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="Copy tenant id">
                      {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="dimmed">
              {tenant.slug} · {tenant.region} · owner <Text span c="var(--mantine-color-text)">{tenant.ownerEmail}</Text> · since {tenant.createdAt.slice(0, 10)}
            </Text>
          </Group>
        </Stack>
      </Group>
      <Stack gap={6} align="flex-end">
        <CopyLinkButton target={{ kind: 'tenant', id: tenant.id }} />
        <DataAge resources={resources} />
      </Stack>
    </Group>
  );
}
