import { ActionIcon, Group, Loader, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { memo, useCallback, useState } from 'react';
import type { TenantFilterChoices, TenantListRow, TenantSort } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useCachedQuery } from '../api/useCachedQuery.ts';
import { DataAge } from '../components/DataAge.tsx';
import { ReadFailed } from '../components/ReadFailed.tsx';
import { tenantHref } from './tenant-route.ts';
import { tenantStatusLabel } from './tenant-status.tsx';
import { focusFirstRow, TenantTable } from './TenantTable.tsx';
import { useTenantDirectory } from './useTenantDirectory.ts';
import type { DirectoryFilters } from './useTenantDirectory.ts';

const resources = ['tenants'] as const;
const sorts: Array<{ value: TenantSort; label: string }> = [
  { value: 'name', label: 'Name' },
  { value: 'mrr', label: 'MRR' },
  { value: 'seats', label: 'Seats used' },
  { value: 'created', label: 'Created' },
];
/** The search and filters stay for the next visit this session (back from a tenant page). */
const storageKey = 'opsdeck.tenants.directory';
const initialFilters = (): DirectoryFilters => {
  try {
    return { q: '', sort: 'name', order: 'asc', ...(JSON.parse(sessionStorage.getItem(storageKey) ?? '{}') as Partial<DirectoryFilters>) };
  } catch {
    return { q: '', sort: 'name', order: 'asc' };
  }
};

/** Every cached tenant: search by name, slug, id or owner e-mail; filter by plan, status and region; sort. */
export function TenantDirectory({ choices }: { choices: TenantFilterChoices }) {
  const [filters, setFilters] = useState(initialFilters);
  const update = useCallback(
    (patch: Partial<DirectoryFilters>) =>
      setFilters((current) => {
        const next = { ...current, ...patch };
        sessionStorage.setItem(storageKey, JSON.stringify(next));
        return next;
      }),
    [],
  );
  // The read starts in the keystroke's own render (the reader answers in a few ms); the selects are not redrawn by typing.
  const directory = useTenantDirectory(filters);
  const open = useCallback((row: TenantListRow) => (window.location.hash = tenantHref(row.id)), []);
  const narrowed = filters.q.trim() !== '' || filters.plan !== undefined || filters.status !== undefined || filters.region !== undefined;

  return (
    <Stack gap="sm" h="calc(100vh - 52px - 2 * var(--mantine-spacing-lg) - 56px)" data-testid="tenant-directory">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="tenant-count">
          {directory.status === 'ready' ? `${directory.value.total.toLocaleString()} of ${choices.total.toLocaleString()} tenants` : ' '}
        </Text>
        <DataAge resources={resources} />
      </Group>
      <Group gap="sm" wrap="wrap">
        <TextInput
          flex="1 1 280px"
          leftSection={<IconSearch size={16} />}
          placeholder="Name, slug, id or owner e-mail"
          aria-label="Search tenants"
          value={filters.q}
          autoFocus
          onChange={(event) => update({ q: event.currentTarget.value })}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              focusFirstRow();
            }
          }}
        />
        <FilterSelects choices={choices} plan={filters.plan} status={filters.status} region={filters.region} sort={filters.sort} order={filters.order} update={update} />
      </Group>
      {directory.status === 'loading' && <Loader aria-label="Loading tenants" />}
      {directory.status === 'error' && <ReadFailed title="The tenants could not be read" failure={directory} />}
      {directory.status === 'ready' && directory.value.total === 0 && (
        <Text c="dimmed" py="xl" ta="center" data-testid="tenant-none">
          {narrowed ? 'No cached tenant matches this search and these filters.' : 'No tenants are cached.'}
        </Text>
      )}
      {directory.status === 'ready' && directory.value.total > 0 && <TenantTable rows={directory.value.rows} onOpen={open} onNearEnd={directory.value.loadMore} />}
    </Stack>
  );
}

type FilterProps = Pick<DirectoryFilters, 'plan' | 'status' | 'region' | 'sort' | 'order'> & { choices: TenantFilterChoices; update(patch: Partial<DirectoryFilters>): void };

/** Plan, status and region filters and the sort: drawn again when one of them changes, not on every keystroke. */
const FilterSelects = memo(function FilterSelects({ choices, plan, status, region, sort, order, update }: FilterProps) {
  return (
    <>
      <Select w={150} placeholder="Any plan" aria-label="Plan" clearable data={choices.plans.map(option)} value={plan ?? null} onChange={(plan) => update({ plan: plan ?? undefined })} />
      <Select
        w={150}
        placeholder="Any status"
        aria-label="Status"
        clearable
        data={choices.statuses.map((choice) => ({ ...option(choice), label: `${tenantStatusLabel(choice.value as TenantListRow['status'])} (${choice.count})` }))}
        value={status ?? null}
        onChange={(status) => update({ status: (status ?? undefined) as DirectoryFilters['status'] })}
      />
      <Select w={170} placeholder="Any region" aria-label="Region" clearable data={choices.regions.map(option)} value={region ?? null} onChange={(region) => update({ region: region ?? undefined })} />
      <Group gap={4} wrap="nowrap">
        <Select w={140} aria-label="Sort by" data={sorts} value={sort} allowDeselect={false} onChange={(sort) => update({ sort: (sort ?? 'name') as TenantSort })} />
        <Tooltip label={order === 'asc' ? 'Ascending' : 'Descending'}>
          <ActionIcon variant="default" size="lg" aria-label={`Sort ${order === 'asc' ? 'descending' : 'ascending'}`} onClick={() => update({ order: order === 'asc' ? 'desc' : 'asc' })}>
            {order === 'asc' ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
          </ActionIcon>
        </Tooltip>
      </Group>
    </>
  );
});

const option = (choice: TenantFilterChoices['plans'][number]) => ({ value: choice.value, label: `${choice.label} (${choice.count})` });

/** The directory once the filter choices are read; the view's empty state while no tenant is cached. */
export function useTenantFilterChoices() {
  const { api } = useConsole();
  return useCachedQuery(() => api['tenants/filters']({}), resources, 'filters');
}
