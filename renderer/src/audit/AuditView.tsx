import { Alert, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { addFilter, parseAuditQuery, withTimeRange } from '../../../shared/audit-query/index.ts';
import type { QueryField } from '../../../shared/audit-query/index.ts';
import type { AuditRow } from '../../../shared/console-api/index.ts';
import { AuditHistogram } from './AuditHistogram.tsx';
import { AuditTable } from './AuditTable.tsx';
import { EventDrawer } from './EventDrawer.tsx';
import { FacetsPanel } from './FacetsPanel.tsx';
import { QueryBar } from './QueryBar.tsx';
import { SavedSearchesMenu } from './SavedSearchesMenu.tsx';
import { useAuditSearch } from './useAuditSearch.ts';
import { useHashQuery } from './useHashQuery.ts';

/** Search the audit trail: query, histogram, facets, a million rows, one event in a drawer. */
export function AuditView() {
  const [draft, setDraft] = useHashQuery();
  // The last query that parsed: results stay on screen while a half-typed one is wrong.
  const [q, setQ] = useState(draft);
  const parsed = parseAuditQuery(draft);
  const search = useAuditSearch(q);
  const [open, setOpen] = useState<AuditRow | null>(null);
  const version = search.result?.newestSeq ?? 0;

  function edit(next: string) {
    setDraft(next);
    if (parseAuditQuery(next).ok) setQ(next);
  }
  const addToQuery = (field: QueryField, value: string, exclude: boolean) => edit(addFilter(q, field, value, exclude));

  return (
    <Stack gap="sm" h="calc(100vh - 52px - 2 * var(--mantine-spacing-lg) - 56px)">
      <QueryBar value={draft} onChange={edit} error={parsed.ok ? null : parsed.error} actions={<SavedSearchesMenu q={q} onOpen={edit} />} />
      <AuditHistogram q={q} version={version} onRange={(from, to) => edit(withTimeRange(q, from, to))} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="audit-count">
          {search.result === null ? ' ' : resultLine(search.result.total, search.result.tookMs)}
        </Text>
        {search.result !== null && search.result.newestSeq !== null && search.result.textIndexedUpTo < search.result.newestSeq && (
          <Text size="xs" c="dimmed">
            Full-text index catching up: words match events up to seq {search.result.textIndexedUpTo.toLocaleString()}
          </Text>
        )}
      </Group>
      {search.failure !== null && <Alert color="red" title="The search failed">{search.failure}</Alert>}
      <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <FacetsPanel q={q} version={version} onFilter={addToQuery} />
        {search.loading && search.rows.length === 0 ? (
          <Center flex={1}>
            <Loader />
          </Center>
        ) : search.rows.length === 0 ? (
          <Center flex={1}>
            <Text c="dimmed">{search.result?.newestSeq === null ? 'No audit events cached yet: they appear here as the sync brings them.' : 'No events match this query.'}</Text>
          </Center>
        ) : (
          <AuditTable rows={search.rows} selectedSeq={open?.seq ?? null} onOpen={setOpen} onNearEnd={search.loadMore} />
        )}
      </Group>
      <EventDrawer
        row={open}
        onClose={() => setOpen(null)}
        onPivot={(query) => {
          setOpen(null);
          edit(query);
        }}
      />
    </Stack>
  );
}

function resultLine(total: number | null, tookMs: number): string {
  if (total === null) return '';
  return `${total.toLocaleString()} ${total === 1 ? 'event' : 'events'} · ${tookMs} ms`;
}
