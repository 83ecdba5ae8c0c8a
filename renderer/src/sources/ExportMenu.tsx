import { Button, Menu } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { exportFileName } from '../../../shared/audit/export-file-name.ts';
import type { ExportFormat, SourceId } from '../../../shared/console-api/index.ts';
import { memo } from 'react';
import { useConsole } from '../api/ConsoleContext.tsx';
import { markStartedHere } from '../jobs/useJobs.ts';

const choices: Array<{ format: ExportFormat; gzip: boolean; label: string; hint: string }> = [
  { format: 'ndjson', gzip: false, label: 'NDJSON + manifest', hint: 'Raw events: hashes verify' },
  { format: 'ndjson', gzip: true, label: 'NDJSON, gzip', hint: 'The same, compressed' },
  { format: 'csv', gzip: false, label: 'CSV', hint: 'For spreadsheets; no proof' },
  { format: 'json', gzip: false, label: 'JSON array', hint: 'Raw events in one array' },
];

/** Exports the current query's events; progress and the file appear in the jobs tray. */
interface Props {
  q: string;
  source: SourceId | undefined;
  sourceName: string;
  disabled: boolean;
  onError(message: string | null): void;
}

function ExportMenuView({ q, source, sourceName, disabled, onError }: Props) {
  const { api, files } = useConsole();

  async function start(format: ExportFormat, gzip: boolean) {
    onError(null);
    try {
      const destination = await files.exportDestination(exportFileName(sourceName, format, gzip));
      if (destination === null) return;
      const { jobId } = await api['audit/export']({ q, source, format, gzip, ...(destination === 'download' ? {} : { destination }) });
      markStartedHere(jobId);
    } catch (failure) {
      onError(`Export failed: ${(failure as Error).message}`);
    }
  }

  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        <Button variant="default" size="md" leftSection={<IconFileExport size={16} />} disabled={disabled}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Export the events of this query</Menu.Label>
        {choices.map(({ format, gzip, label, hint }) => (
          <Menu.Item key={label} onClick={() => void start(format, gzip)} rightSection={<span style={{ fontSize: 11, opacity: 0.6 }}>{hint}</span>}>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

// Memoized: the audit view re-renders on every keystroke.
export const ExportMenu = memo(ExportMenuView);
