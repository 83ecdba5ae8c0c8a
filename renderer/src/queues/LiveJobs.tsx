import { Alert, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Job, JobState } from '../../../shared/ops-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { JobIdentityCells } from './JobIdentityCells.tsx';

/** A queue's jobs in one state, live from the platform (the cache keeps only failed ones), newest first, page by page. */
export function LiveJobs({ queue, state }: { queue: string; state: JobState }) {
  const { api } = useConsole();
  const [pages, setPages] = useState<{ jobs: Job[]; next: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = async (cursor: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api['queues/jobs']({ queue, state, cursor, limit: 50 });
      setPages((current) => ({ jobs: cursor === null ? page.jobs : [...(current?.jobs ?? []), ...page.jobs], next: page.next }));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    setPages(null);
    void load(null);
    // Reload when the queue or the state changes; `load` is a fresh closure each render.
  }, [queue, state]);

  if (error !== null && pages === null) {
    return (
      <Alert color="gray" title={`${state} jobs come from the platform`}>
        {error}
      </Alert>
    );
  }
  if (pages === null) return <Loader size="sm" aria-label={`Loading ${state} jobs`} />;
  if (pages.jobs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No {state} jobs in {queue} now.
      </Text>
    );
  }
  return (
    <>
      <Table verticalSpacing={4} data-testid="live-jobs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Job</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Tenant</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pages.jobs.map((job) => (
            <Table.Tr key={job.id}>
              <JobIdentityCells id={job.id} name={job.name} tenantId={job.tenant_id} />
              <Table.Td>
                {job.attempts_made} of {job.max_attempts}
              </Table.Td>
              <Table.Td>
                <Timestamp iso={job.created_at} dense />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="sm">
        {pages.next !== null && (
          <Button size="xs" variant="subtle" loading={loading} onClick={() => void load(pages.next)}>
            Next {50}
          </Button>
        )}
        {error !== null && (
          <Text size="xs" c="red">
            {error}
          </Text>
        )}
      </Group>
    </>
  );
}
