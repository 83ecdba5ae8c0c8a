import { Group, Stack, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { memo, useEffect, useState } from 'react';
import type { QueryField } from '../../../shared/audit-query/index.ts';
import type { AuditFacets } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useStableCallback } from '../components/useStableCallback.ts';
import { useAuditSource } from './AuditSourceContext.tsx';
import classes from './FacetsPanel.module.css';

const groups: Array<{ key: keyof Omit<AuditFacets, 'sampledUpTo'>; title: string; field: QueryField }> = [
  { key: 'actions', title: 'Actions', field: 'action' },
  { key: 'actors', title: 'Actors', field: 'actor' },
  { key: 'tenants', title: 'Tenants', field: 'tenant' },
  { key: 'outcomes', title: 'Outcomes', field: 'outcome' },
];

/** Top values of the current query; click narrows to one, Alt-click excludes it. */
function FacetsPanelView({ q, version, onFilter }: { q: string | null; version: number; onFilter(field: QueryField, value: string, exclude: boolean): void }) {
  const { api } = useConsole();
  const source = useAuditSource();
  const [facets, setFacets] = useState<AuditFacets | null>(null);
  useEffect(() => {
    if (q === null) return;
    let live = true;
    api['audit/facets']({ q, source }).then((answer) => live && setFacets(answer), () => live && setFacets(null));
    return () => {
      live = false;
    };
  }, [api, q, version, source]);
  const filter = useStableCallback(onFilter);

  if (facets === null) return null;
  return <FacetList facets={facets} onFilter={filter} />;
}

/** Redrawn only when new counts come, not when the query (and so onFilter) changes. */
const FacetList = memo(function FacetList({ facets, onFilter }: { facets: AuditFacets; onFilter(field: QueryField, value: string, exclude: boolean): void }) {
  return (
    <Stack gap="md" data-testid="audit-facets" className={classes.panel}>
      {groups.map((group) => (
        <div key={group.key}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
            {group.title}
          </Text>
          {facets[group.key].length === 0 && (
            <Text size="xs" c="dimmed">
              none
            </Text>
          )}
          {facets[group.key].map((entry) => (
            <Tooltip key={entry.value} label="Click to filter, Alt-click to exclude" openDelay={800}>
              <UnstyledButton className={classes.value} onClick={(event) => onFilter(group.field, entry.value, event.altKey)}>
                <VisuallyHidden>{`${group.field} `}</VisuallyHidden>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" truncate="end" title={entry.label ? entry.value : undefined}>
                    {entry.label ?? entry.value}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {entry.count.toLocaleString()}
                  </Text>
                </Group>
              </UnstyledButton>
            </Tooltip>
          ))}
        </div>
      ))}
      <Text size="xs" c="dimmed">
        Counts over the newest {facets.sampledUpTo.toLocaleString()} matches
      </Text>
    </Stack>
  );
});

// Memoized: the view re-renders on every keystroke, this only when its own inputs change.
export const FacetsPanel = memo(FacetsPanelView);
