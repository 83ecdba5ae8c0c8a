import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describeIssues, savedSearch } from '../../shared/console-api/index.ts';
import type { ConsoleHandlers, SavedSearch, SavedSearches } from '../../shared/console-api/index.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { EventBus } from './event-bus.ts';

const searchesFile = z.record(z.string(), z.array(savedSearch));

type SearchesHandlers = Pick<ConsoleHandlers, 'searches/list' | 'searches/save' | 'searches/delete'>;

/** Named audit searches, per profile, in `saved-searches.json` in the data dir. */
export function createSavedSearches({ dataDir, events, activeProfileId }: { dataDir: string; events: EventBus; activeProfileId: () => string | null }) {
  const path = join(dataDir, 'saved-searches.json');

  function load(): Record<string, SavedSearch[]> {
    if (!existsSync(path)) return {};
    const parsed = searchesFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path} is not a valid saved-searches file: ${describeIssues(parsed.error)}`);
    return parsed.data;
  }

  function current(): SavedSearches {
    const profileId = activeProfileId();
    return { profileId, searches: profileId === null ? [] : (load()[profileId] ?? []) };
  }

  function change(edit: (searches: SavedSearch[]) => SavedSearch[]): SavedSearches {
    const profileId = activeProfileId();
    if (profileId === null) throw new Error('Choose a platform profile first: saved searches belong to a profile.');
    const all = load();
    writeFileAtomic(path, `${JSON.stringify({ ...all, [profileId]: edit(all[profileId] ?? []) }, null, 2)}\n`);
    const next = current();
    events.emit('searches/changed', next);
    return next;
  }

  const handlers: SearchesHandlers = {
    'searches/list': async () => current(),
    'searches/save': async ({ name, q }) =>
      change((searches) => [{ id: randomUUID(), name, q, createdAt: new Date().toISOString() }, ...searches.filter((search) => search.name !== name)]),
    'searches/delete': async ({ id }) => change((searches) => searches.filter((search) => search.id !== id)),
  };
  return { handlers };
}
