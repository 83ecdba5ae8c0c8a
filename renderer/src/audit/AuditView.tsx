import { Alert, Anchor, Button, Center, Group, Loader, Overlay, Stack, Text } from '@mantine/core';
import { IconCloudSearch } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { addFilter, parseAuditQuery, withTimeRange } from '../../../shared/audit-query/index.ts';
import type { QueryField } from '../../../shared/audit-query/index.ts';
import type { AuditRow, SourceId } from '../../../shared/console-api/index.ts';
import { sections } from '../app/sections.ts';
import { useProfiles } from '../profiles/useProfiles.ts';
import { SectionEmptyState } from '../sections/SectionEmptyState.tsx';
import { ExportMenu } from '../sources/ExportMenu.tsx';
import { ImportModal } from '../sources/ImportModal.tsx';
import { SourceBar } from '../sources/SourceBar.tsx';
import { useFileDrop } from '../sources/useFileDrop.ts';
import { useSources } from '../sources/useSources.ts';
import { VerifyReportModal } from '../sources/VerifyReportModal.tsx';
import { AuditSourceContext } from './AuditSourceContext.tsx';
import { AuditHistogram } from './AuditHistogram.tsx';
import { AuditTable } from './AuditTable.tsx';
import { PlatformResults } from './PlatformResults.tsx';
import { EventDrawer } from './EventDrawer.tsx';
import { FacetsPanel } from './FacetsPanel.tsx';
import { QueryBar } from './QueryBar.tsx';
import { SavedSearchesMenu } from './SavedSearchesMenu.tsx';
import { useAuditLocation } from './useAuditLocation.ts';
import { useAuditSearch } from './useAuditSearch.ts';

const auditSection = sections.find((section) => section.id === 'audit')!;

/**
 * Search the audit trail of a platform cache or an imported file: query, histogram, facets,
 * a million rows, one event in a drawer; import, export and verification around it.
 */
export function AuditView() {
  const [location, setLocation] = useAuditLocation();
  const draft = location.q;
  // The last query that parsed: results stay on screen while a half-typed one is wrong.
  const parsed = parseAuditQuery(draft);
  const lastValid = useRef(draft);
  if (parsed.ok) lastValid.current = draft;
  const q = lastValid.current;
  const profiles = useProfiles();
  const sources = useSources();
  const activeProfileId = profiles.status === 'ready' ? profiles.value.activeId : null;
  const sourceId: SourceId | null = location.source ?? (activeProfileId === null ? null : `profile:${activeProfileId}`);
  const sourceList = sources.status === 'ready' ? sources.value.sources : [];
  const current = sourceList.find((source) => source.id === sourceId) ?? null;
  const search = useAuditSearch(q, location.source);
  const [open, setOpen] = useState<AuditRow | null>(null);
  const [importing, setImporting] = useState<File[] | null>(null);
  const [reportOpen, setReportOpen] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [platform, setPlatform] = useState(false);
  const version = search.result?.newestSeq ?? 0;
  const altered = useMemo(() => new Set(search.result?.alteredSeqs ?? []), [search.result?.alteredSeqs]);
  const frame = useRef<HTMLDivElement>(null);
  const dragging = useFileDrop(frame, setImporting);
  const onImported = useCallback(
    (id: SourceId) => {
      setImporting(null);
      setLocation({ source: id, q: '' });
    },
    [setLocation],
  );

  function edit(next: string) {
    setLocation({ q: next });
  }
  const addToQuery = useCallback((field: QueryField, value: string, exclude: boolean) => setLocation({ q: addFilter(q, field, value, exclude) }), [q, setLocation]);
  const narrowTime = useCallback((from: string, to: string) => setLocation({ q: withTimeRange(q, from, to) }), [q, setLocation]);
  const chooseSource = useCallback(
    (id: SourceId) => {
      setOpen(null);
      setPlatform(false);
      setLocation({ source: id === `profile:${activeProfileId}` ? undefined : id });
    },
    [activeProfileId, setLocation],
  );
  const startImport = useCallback(() => setImporting([]), []);
  const openReport = useCallback(() => setReportOpen(true), []);


  return (
    <AuditSourceContext.Provider value={location.source}>
      <Stack gap="sm" h="calc(100vh - 52px - 2 * var(--mantine-spacing-lg) - 56px)" ref={frame} pos="relative">
        {dragging && (
          <Overlay center blur={2} radius="md" zIndex={50}>
            <Text c="white" fw={600} size="lg">
              Drop to import as an offline source
            </Text>
          </Overlay>
        )}
        <SourceBar sources={sourceList} current={current} onChoose={chooseSource} onImport={startImport} onOpenReport={openReport} />
        {sourceId === null ? (
          <SectionEmptyState section={auditSection}>
            <Text size="sm" c="dimmed">
              Or{' '}
              <Anchor component="button" size="sm" onClick={() => setImporting([])}>
                import an exported audit file
              </Anchor>{' '}
              (NDJSON, JSON or CSV) to search and verify it offline.
            </Text>
          </SectionEmptyState>
        ) : (
          <>
            <QueryBar
              value={draft}
              onChange={edit}
              error={parsed.ok ? null : parsed.error}
              actions={
                <>
                  <SavedSearchesMenu q={q} source={location.source} onOpen={edit} />
                  <ExportMenu q={q} source={location.source} sourceName={current?.name ?? 'audit'} disabled={current === null} onError={setExportError} />
                </>
              }
            />
            {exportError !== null && (
              <Alert color="red" withCloseButton onClose={() => setExportError(null)}>
                {exportError}
              </Alert>
            )}
            <AuditHistogram q={search.answeredQ} version={version} onRange={narrowTime} />
            <Group justify="space-between">
              <Text size="sm" c="dimmed" data-testid="audit-count">
                {search.result === null ? ' ' : resultLine(search.result.total, search.result.tookMs)}
              </Text>
              <Group gap="md">
                {search.result !== null && search.result.newestSeq !== null && search.result.textIndexedUpTo < search.result.newestSeq && (
                  <Text size="xs" c="dimmed">
                    Full-text index catching up: words match events up to seq {search.result.textIndexedUpTo.toLocaleString()}
                  </Text>
                )}
                {current?.kind === 'profile' && !platform && (
                  <Button variant="subtle" size="compact-sm" leftSection={<IconCloudSearch size={14} />} onClick={() => setPlatform(true)}>
                    Search older events on the platform
                  </Button>
                )}
              </Group>
            </Group>
            {search.failure !== null && <Alert color="red" title="The search failed">{search.failure}</Alert>}
            <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
              <FacetsPanel q={search.answeredQ} version={version} onFilter={addToQuery} />
              {platform ? (
                <PlatformResults q={q} source={location.source} onBack={() => setPlatform(false)} />
              ) : search.loading && search.rows.length === 0 ? (
                <Center flex={1}>
                  <Loader />
                </Center>
              ) : search.rows.length === 0 ? (
                <Center flex={1}>
                  <Text c="dimmed">{search.result?.newestSeq === null ? 'No audit events cached yet: they appear here as the sync brings them.' : 'No events match this query.'}</Text>
                </Center>
              ) : (
                <AuditTable rows={search.rows} selectedSeq={open?.seq ?? null} altered={altered} onOpen={setOpen} onNearEnd={search.loadMore} />
              )}
            </Group>
          </>
        )}
        <EventDrawer
          row={open}
          onClose={() => setOpen(null)}
          onPivot={(query) => {
            setOpen(null);
            edit(query);
          }}
        />
        <ImportModal initialFiles={importing} onClose={() => setImporting(null)} onImported={onImported} />
        <VerifyReportModal source={reportOpen ? current : null} onClose={() => setReportOpen(false)} />
      </Stack>
    </AuditSourceContext.Provider>
  );
}

function resultLine(total: number | null, tookMs: number): string {
  if (total === null) return '';
  return `${total.toLocaleString()} ${total === 1 ? 'event' : 'events'} · ${tookMs} ms`;
}
