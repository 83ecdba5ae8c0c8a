import { ActionIcon, Anchor, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconX } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { Job } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { JobSteps } from './JobSteps.tsx';
import { useJobs, useStartedHere } from './useJobs.ts';

const finishedCardMs = 8_000;

/**
 * Long work in the corner: a progress bar, each phase's progress and Cancel while it runs, then
 * the result (links to download an export, where it was saved) or the error. Exports started in
 * this window download themselves when done.
 */
export function JobsTray() {
  const jobs = useJobs();
  const { api, files } = useConsole();
  const downloaded = useRef(new Set<string>());
  const startedHere = useStartedHere();

  useEffect(() => {
    for (const job of jobs) {
      const first = job.result?.downloads[0];
      if (job.state !== 'done' || first === undefined || !startedHere.ids.has(job.id) || downloaded.current.has(job.id)) continue;
      downloaded.current.add(job.id);
      files.download(first.token, first.name);
    }
  }, [jobs, files, startedHere]);

  // A finished import or verification has shown its result elsewhere (the source, its badge):
  // its card goes after a while, unless it holds files to download (an export, a skip report).
  const dismissing = useRef(new Set<string>());
  useEffect(() => {
    for (const job of jobs) {
      if (job.state !== 'done' || job.result!.downloads.length > 0 || dismissing.current.has(job.id)) continue;
      dismissing.current.add(job.id);
      setTimeout(() => void api['jobs/dismiss']({ jobId: job.id }), finishedCardMs);
    }
  }, [jobs, api]);

  if (jobs.length === 0) return null;
  return (
    // Above the page, below dialogs (Mantine's modals sit at 200): a card must never cover a dialog's buttons.
    <Stack gap="xs" pos="fixed" bottom={16} right={16} w={380} style={{ zIndex: 190 }} data-testid="jobs-tray">
      {jobs.map((job) => (
        <JobCard key={job.id} job={job} onCancel={() => void api['jobs/cancel']({ jobId: job.id })} onDismiss={() => void api['jobs/dismiss']({ jobId: job.id })} />
      ))}
    </Stack>
  );
}

function JobCard({ job, onCancel, onDismiss }: { job: Job; onCancel(): void; onDismiss(): void }) {
  const { files } = useConsole();
  const color = { running: 'blue', done: 'teal', failed: 'red', cancelled: 'gray' }[job.state];
  return (
    <Paper withBorder shadow="md" p="sm" radius="md" data-job-state={job.state} aria-label={job.label}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={600} lineClamp={1}>
          {job.label}
        </Text>
        {job.state === 'running' ? (
          <Button size="compact-xs" variant="subtle" color="red" onClick={onCancel}>
            Cancel
          </Button>
        ) : (
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Dismiss" onClick={onDismiss}>
            <IconX size={14} />
          </ActionIcon>
        )}
      </Group>
      <Progress
        mt={6}
        size="sm"
        color={color}
        value={job.state === 'running' ? (job.progress ?? 1) * 100 : 100}
        animated={job.state === 'running' && job.progress === null}
        aria-label={`${job.label} progress`}
      />
      {job.state === 'running' && job.steps.length > 0 ? (
        <JobSteps steps={job.steps} />
      ) : (
        job.detail !== null && (
          <Text size="xs" c="dimmed" mt={4}>
            {job.detail}
          </Text>
        )
      )}
      {job.error !== null && (
        <Text size="xs" c="red" mt={4} role="alert">
          {job.error}
        </Text>
      )}
      {job.result?.savedTo != null && (
        <Text size="xs" mt={4}>
          Saved to {job.result.savedTo}
        </Text>
      )}
      {job.result !== null && job.result.downloads.length > 0 && (
        <Group gap="md" mt={4}>
          {job.result.downloads.map((download) => (
            <Anchor key={download.token} size="xs" component="button" onClick={() => files.download(download.token, download.name)}>
              <Group gap={4} wrap="nowrap">
                <IconDownload size={12} />
                {download.name}
              </Group>
            </Anchor>
          ))}
        </Group>
      )}
    </Paper>
  );
}
