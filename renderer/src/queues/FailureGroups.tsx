import { ActionIcon, Alert, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { FailedJobRow } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useCachedQuery } from '../api/useCachedQuery.ts';
import { Timestamp } from '../components/Timestamp.tsx';
import { JobDrawer } from './JobDrawer.tsx';
import { JobIdentityCells } from './JobIdentityCells.tsx';
import { QueueActionButton } from './QueueActionsContext.tsx';

const failedResources = ['failed-jobs'] as const;

/** A queue's failed jobs grouped by normalised reason; a group expands to its jobs; a search finds jobs by their data. */
export function FailureGroups({ queue }: { queue: string }) {
  const { api } = useConsole();
  const [open, setOpen] = useState<string | null>(null);
  const [job, setJob] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const groups = useCachedQuery(() => api['queues/failure-groups']({ queue }), failedResources, queue);

  return (
    <Stack gap="sm" data-testid="failure-groups">
      <Group justify="space-between">
        <Title order={4}>Failed jobs{groups.status === 'ready' ? ` (${groups.value.total.toLocaleString('en-US')} cached)` : ''}</Title>
        <TextInput
          size="xs"
          w={320}
          leftSection={<IconSearch size={14} />}
          placeholder="Search failed jobs by data or reason"
          aria-label="Search failed jobs by data or reason"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
      </Group>
      {q !== '' ? (
        <FailedJobs queue={queue} q={q} onOpen={setJob} />
      ) : (
        <>
          {groups.status === 'loading' && <Loader size="sm" aria-label="Loading failed jobs" />}
          {groups.status === 'error' && <Alert color="red" title="The failed jobs could not be read">{groups.message}</Alert>}
          {groups.status === 'ready' && groups.value.groups.length === 0 && (
            <Text size="sm" c="dimmed">
              No failed jobs cached for this queue.
            </Text>
          )}
          {groups.status === 'ready' && groups.value.groups.length > 0 && (
            <Table verticalSpacing={6} data-testid="failure-group-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={32} />
                  <Table.Th>Reason</Table.Th>
                  <Table.Th ta="right" w={90}>
                    Jobs
                  </Table.Th>
                  <Table.Th w={200}>First seen</Table.Th>
                  <Table.Th w={200}>Last seen</Table.Th>
                  <Table.Th w={120} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.value.groups.map((group) => {
                  const expanded = open === group.reason;
                  return (
                    <Fragment key={group.reason}>
                      <Table.Tr data-testid="failure-group" style={{ cursor: 'pointer' }} onClick={() => setOpen(expanded ? null : group.reason)}>
                        <Table.Td>
                          <ActionIcon variant="subtle" size="sm" aria-expanded={expanded} aria-label={`${expanded ? 'Collapse' : 'Expand'} ${group.reason}`}>
                            {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace" title={group.example ?? undefined} lineClamp={2}>
                            {group.reason}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Badge variant="light" color="red">
                            {group.count.toLocaleString('en-US')}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{group.firstSeen === null ? '—' : <Timestamp iso={group.firstSeen} dense />}</Table.Td>
                        <Table.Td>{group.lastSeen === null ? '—' : <Timestamp iso={group.lastSeen} dense />}</Table.Td>
                        <Table.Td>
                          <QueueActionButton
                            label="Retry group"
                            testId="retry-group"
                            build={async () => ({ kind: 'retry-jobs', queue, group: group.reason, ids: (await api['queues/group-job-ids']({ queue, group: group.reason })).ids })}
                          />
                        </Table.Td>
                      </Table.Tr>
                      {expanded && (
                        <Table.Tr>
                          <Table.Td colSpan={6} p={0} pl="xl">
                            <FailedJobs queue={queue} group={group.reason} onOpen={setJob} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      <JobDrawer queue={queue} id={job} onClose={() => setJob(null)} />
    </Stack>
  );
}

/** The jobs of one group, or those a search finds, newest first, a page at a time. */
function FailedJobs({ queue, group, q, onOpen }: { queue: string; group?: string; q?: string; onOpen(id: string): void }) {
  const { api } = useConsole();
  const [pages, setPages] = useState(1);
  const load = async () => {
    const rows: FailedJobRow[] = [];
    let after: { finishedAt: number | null; id: string } | undefined;
    for (let page = 0; page < pages; page++) {
      const answer = await api['queues/failed-jobs']({ queue, limit: 50, ...(group === undefined ? {} : { group }), ...(q === undefined ? {} : { q }), ...(after === undefined ? {} : { after }) });
      rows.push(...answer.jobs);
      if (answer.next === null) return { rows, more: false };
      after = answer.next;
    }
    return { rows, more: true };
  };
  const jobs = useCachedQuery(load, failedResources, `${queue} ${group ?? ''} ${q ?? ''} ${pages}`);
  if (jobs.status === 'loading') return <Loader size="xs" m="sm" aria-label="Loading jobs" />;
  if (jobs.status === 'error') return <Alert color="red">{jobs.message}</Alert>;
  if (jobs.value.rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="sm">
        {q === undefined ? 'No jobs in this group any more.' : `No cached failed job matches “${q}”.`}
      </Text>
    );
  }
  return (
    <Stack gap={4} py="xs">
      <Table verticalSpacing={4} highlightOnHover data-testid="failed-jobs">
        <Table.Tbody>
          {jobs.value.rows.map((job) => (
            <Table.Tr key={job.id} data-testid="failed-job" tabIndex={0} style={{ cursor: 'pointer' }} onClick={() => onOpen(job.id)} onKeyDown={(event) => event.key === 'Enter' && onOpen(job.id)}>
              <JobIdentityCells id={job.id} name={job.name} tenantId={job.tenantId} />
              {q !== undefined && (
                <Table.Td>
                  <Text size="xs" lineClamp={1}>
                    {job.reason}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="xs">attempt {job.attemptsMade}</Text>
              </Table.Td>
              <Table.Td>{job.finishedAt === null ? '—' : <Timestamp iso={job.finishedAt} dense />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {jobs.value.more && (
        <Button size="xs" variant="subtle" w="fit-content" onClick={() => setPages((count) => count + 1)}>
          Show more
        </Button>
      )}
    </Stack>
  );
}
