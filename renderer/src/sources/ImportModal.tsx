import { Alert, Button, Checkbox, Group, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { sourceNameOfFile } from '../../../shared/audit/source-name-of-file.ts';
import type { SourceId } from '../../../shared/console-api/index.ts';
import { formatBytes } from '../../../shared/format-bytes.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { JobSteps } from '../jobs/JobSteps.tsx';
import { markStartedHere, useJobs } from '../jobs/useJobs.ts';

const accepted = '.ndjson,.jsonl,.gz,.json,.csv';

interface Props {
  /** Files to start with (dropped on the view); null: closed. */
  initialFiles: File[] | null;
  onClose(): void;
  /** Called with the new source once it is imported (and verified). */
  onImported(source: SourceId): void;
}

/** Import audit files as a named offline source: choose or drop files, name it, watch it load and verify. */
export function ImportModal({ initialFiles, onClose, onImported }: Props) {
  const { api, files: transfer } = useConsole();
  const [files, setFiles] = useState<File[]>([]);
  const [name, setName] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [upload, setUpload] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const job = useJobs().find((candidate) => candidate.id === jobId) ?? null;

  useEffect(() => {
    if (initialFiles === null) return;
    setJobId(null);
    setFailure(null);
    setUpload(null);
    choose(initialFiles);
  }, [initialFiles]);

  useEffect(() => {
    if (job?.state === 'done' && job.result?.sourceId) onImported(job.result.sourceId as SourceId);
  }, [job?.state, job?.result?.sourceId, onImported]);

  function choose(chosen: File[]) {
    setFiles(chosen);
    const events = chosen.find((file) => !file.name.endsWith('.manifest.json')) ?? chosen[0];
    if (events !== undefined) setName(sourceNameOfFile(events.name));
  }

  async function start() {
    setFailure(null);
    try {
      setUpload(0);
      const sent = await transfer.sendFiles(files, setUpload);
      const started = await api['sources/import']({ files: sent.map((file) => file.token), name, skipInvalid });
      markStartedHere(started.jobId);
      setJobId(started.jobId);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setUpload(null);
    }
  }

  const running = upload !== null || job?.state === 'running';
  return (
    <Modal opened={initialFiles !== null} onClose={onClose} title="Import audit events as an offline source" size="lg">
      <Stack gap="md">
        <div
          role="button"
          tabIndex={0}
          onClick={() => input.current?.click()}
          onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && input.current?.click()}
          style={{ border: '2px dashed var(--mantine-color-default-border)', borderRadius: 8, padding: 20, textAlign: 'center', cursor: 'pointer' }}
        >
          <IconFileImport size={28} style={{ opacity: 0.6 }} />
          <Text size="sm">{files.length === 0 ? 'Choose files, or drop them on the audit view' : files.map((file) => `${file.name} (${formatBytes(file.size)})`).join(', ')}</Text>
          <Text size="xs" c="dimmed">
            NDJSON, .ndjson.gz, a JSON array, or an Opsdeck CSV export. Add an export's .manifest.json: a filtered export then verifies
            without its gaps counted as missing.
          </Text>
          <input ref={input} type="file" multiple accept={accepted} hidden data-testid="import-file-input" onChange={(event) => choose([...(event.currentTarget.files ?? [])])} />
        </div>
        <TextInput label="Source name" description="Shown beside the profile caches; searchable with the same query language." value={name} onChange={(event) => setName(event.currentTarget.value)} required />
        <Checkbox
          label="Skip invalid lines"
          description="Import the rest and write a report of what was skipped. Off: one bad line means nothing is imported."
          checked={skipInvalid}
          onChange={(event) => setSkipInvalid(event.currentTarget.checked)}
        />
        {upload !== null && <Progress value={upload * 100} aria-label="Upload progress" />}
        {job !== null && (
          <Stack gap={4}>
            <Progress value={(job.progress ?? 1) * 100} animated={job.state === 'running'} color={job.state === 'failed' ? 'red' : job.state === 'done' ? 'teal' : 'blue'} aria-label="Import progress" />
            {job.state === 'running' && job.steps.length > 0 ? (
              <JobSteps steps={job.steps} />
            ) : (
              <Text size="xs" c="dimmed">
                {job.detail}
              </Text>
            )}
          </Stack>
        )}
        {(failure ?? job?.error) && (
          <Alert color="red" title="Nothing was imported" data-testid="import-error">
            {failure ?? job?.error}
          </Alert>
        )}
        <Group justify="flex-end">
          {job?.state === 'running' ? (
            <Button variant="default" color="red" onClick={() => void api['jobs/cancel']({ jobId: job.id })}>
              Cancel import
            </Button>
          ) : (
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          )}
          <Button onClick={() => void start()} disabled={files.length === 0 || name.trim() === '' || running} loading={running}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
