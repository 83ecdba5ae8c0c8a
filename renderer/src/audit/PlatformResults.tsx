import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconCloudSearch } from '@tabler/icons-react';
import type { SourceId } from '../../../shared/console-api/index.ts';
import { Timestamp } from '../components/Timestamp.tsx';
import { AuditTable } from './AuditTable.tsx';
import { usePlatformSearch } from './usePlatformSearch.ts';

const noneAltered: ReadonlySet<number> = new Set();

/** Results from the platform's server-side search, labelled as such: not cached, not hash-verified here. */
export function PlatformResults({ q, source, onBack }: { q: string; source: SourceId | undefined; onBack(): void }) {
  const search = usePlatformSearch(q, source, true);
  return (
    <Stack gap="xs" flex={1} miw={0} data-testid="platform-results">
      <Alert color="violet" variant="light" icon={<IconCloudSearch size={18} />} title="Server-side search on the platform">
        <Text size="sm">
          Events {search.before === null ? '' : <>before <Timestamp iso={search.before} /> </>}that the cache does not hold, straight from the platform: not cached, not
          available offline, not hash-verified here.{' '}
          <Button variant="subtle" size="compact-sm" onClick={onBack}>
            Back to cached results
          </Button>
        </Text>
      </Alert>
      {search.failure !== null && <Alert color="red" title="The platform search failed">{search.failure}</Alert>}
      {search.unsupported !== null && (
        <Alert color="orange" title="The platform cannot search this query">
          Its server-side search does not support: {search.unsupported.join(', ')}. Remove those parts to search older events.
        </Alert>
      )}
      {search.loading && search.rows.length === 0 ? (
        <Center flex={1}>
          <Loader />
        </Center>
      ) : search.rows.length === 0 && search.unsupported === null && search.failure === null ? (
        <Center flex={1}>
          <Text c="dimmed">The platform has no older events matching this query.</Text>
        </Center>
      ) : (
        search.rows.length > 0 && <AuditTable rows={search.rows} selectedSeq={null} altered={noneAltered} onNearEnd={search.loadMore} />
      )}
    </Stack>
  );
}
