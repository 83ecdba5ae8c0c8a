import { Button, Group, Menu, Select, Tooltip } from '@mantine/core';
import { IconDatabase, IconFileImport, IconRefresh, IconTrash } from '@tabler/icons-react';
import type { AuditSource, SourceId } from '../../../shared/console-api/index.ts';
import { memo } from 'react';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useJobs } from '../jobs/useJobs.ts';
import { VerificationBadge } from './VerificationBadge.tsx';

interface Props {
  sources: AuditSource[];
  /** The source shown; null while there is none. */
  current: AuditSource | null;
  onChoose(id: SourceId): void;
  onImport(): void;
  onOpenReport(): void;
}

/** Which events the view shows (a platform cache or an imported file), and whether they are proven intact. */
function SourceBarView({ sources, current, onChoose, onImport, onOpenReport }: Props) {
  const { api } = useConsole();
  const verifying = useJobs().some((job) => job.kind === 'verify' && job.state === 'running' && job.subject === current?.id);
  const data = [
    { group: 'Platform caches', items: sources.filter((source) => source.kind === 'profile').map(option) },
    { group: 'Imported offline sources', items: sources.filter((source) => source.kind === 'import').map(option) },
  ].filter((group) => group.items.length > 0);

  return (
    <Group gap="sm" wrap="nowrap">
      <Select
        aria-label="Audit source"
        leftSection={<IconDatabase size={16} />}
        data={data}
        value={current?.id ?? null}
        onChange={(value) => value !== null && onChoose(value as SourceId)}
        placeholder="No audit source yet"
        allowDeselect={false}
        w={300}
        comboboxProps={{ width: 360 }}
      />
      {current !== null && <VerificationBadge source={current} onOpenReport={onOpenReport} />}
      {current?.verifiable && (
        <Tooltip label="Recompute every hash and link of this source">
          <Button variant="subtle" size="xs" leftSection={<IconRefresh size={14} />} loading={verifying} onClick={() => void api['sources/verify']({ source: current.id })}>
            Verify
          </Button>
        </Tooltip>
      )}
      {current?.kind === 'import' && (
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="subtle" size="xs" color="red" leftSection={<IconTrash size={14} />}>
              Remove
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item color="red" onClick={() => void api['sources/remove']({ source: current.id })}>
              Remove “{current.name}” and its database
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      <Button variant="default" size="xs" leftSection={<IconFileImport size={14} />} onClick={onImport} ml="auto">
        Import…
      </Button>
    </Group>
  );
}

function option(source: AuditSource) {
  return { value: source.id, label: `${source.name} · ${source.events.toLocaleString()} events` };
}

// Memoized: the audit view re-renders on every keystroke.
export const SourceBar = memo(SourceBarView);
