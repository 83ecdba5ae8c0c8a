import { Alert, Badge, Button, Code, Drawer, Group, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Job } from '../../../shared/ops-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { JsonTree } from '../components/JsonTree.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { QueueActionButton } from './QueueActionsContext.tsx';

/** One failed job from the cache: its data as the platform redacted it, attempts, times and stack trace, with links to its audit trail. */
export function JobDrawer({ queue, id, onClose }: { queue: string; id: string | null; onClose(): void }) {
  const { api } = useConsole();
  const [job, setJob] = useState<Job | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setJob(null);
    setFailure(null);
    if (id === null) return;
    let live = true;
    api['queues/job']({ queue, id }).then((answer) => live && setJob(answer), (error: Error) => live && setFailure(error.message));
    return () => {
      live = false;
    };
  }, [api, queue, id]);

  const requestId = typeof job?.data.request_id === 'string' ? job.data.request_id : null;
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="xl" title={id === null ? '' : `${queue} · ${id}`} scrollAreaComponent={ScrollArea.Autosize}>
      {failure !== null && <Alert color="red" title="This job could not be read">{failure}</Alert>}
      {id !== null && job === null && failure === null && <Loader size="sm" aria-label="Loading the job" />}
      {job !== null && (
        <Stack gap="md" data-testid="job-drawer">
          <Group gap="xs">
            <Badge color="red">{job.state}</Badge>
            <Text size="sm">{job.name}</Text>
            <Text size="sm" c="dimmed">
              attempt {job.attempts_made} of {job.max_attempts}
            </Text>
          </Group>
          {job.failed_reason !== null && (
            <Alert color="red" variant="light" title="Failed because">
              <Text size="sm" ff="monospace">
                {job.failed_reason}
              </Text>
            </Alert>
          )}
          <Group gap="xs">
            <QueueActionButton label="Retry" testId="retry-job" build={async () => ({ kind: 'retry-job', queue, id: job.id })} />
            <QueueActionButton label="Remove" color="red" testId="remove-job" build={async () => ({ kind: 'remove-job', queue, id: job.id })} />
          </Group>
          <Group gap="xs">
            {job.tenant_id !== null && (
              <Button size="xs" variant="light" component="a" href={`#/audit?q=${encodeURIComponent(`tenant:${job.tenant_id}`)}`}>
                Audit trail of {job.tenant_id}
              </Button>
            )}
            {requestId !== null && (
              <Button size="xs" variant="light" component="a" href={`#/audit?q=${encodeURIComponent(`request:${requestId}`)}`}>
                Audit events of request {requestId}
              </Button>
            )}
          </Group>
          <Table withTableBorder variant="vertical" layout="fixed">
            <Table.Tbody>
              {[
                ['Created', job.created_at],
                ['Processed', job.processed_at],
                ['Finished', job.finished_at],
              ].map(([label, iso]) => (
                <Table.Tr key={label}>
                  <Table.Th w={140}>{label}</Table.Th>
                  <Table.Td>{iso === null || iso === undefined ? '—' : <Timestamp iso={iso} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={5}>Data</Title>
          <JsonTree value={job.data} />
          {job.stacktrace !== null && job.stacktrace.length > 0 && (
            <>
              <Title order={5}>Stack trace</Title>
              {job.stacktrace.map((trace, index) => (
                <Code block key={index}>
                  {trace}
                </Code>
              ))}
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
