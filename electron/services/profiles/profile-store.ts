import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describeIssues, profile as profileSchema } from '../../../shared/console-api/index.ts';
import type { Profile } from '../../../shared/console-api/index.ts';
import { writeFileAtomic } from '../atomic-write.ts';

// Profiles saved before BullMQ profiles existed have no kind: they are Ops API platforms.
const savedProfile = z.preprocess((raw) => (typeof raw === 'object' && raw !== null && !('kind' in raw) ? { ...raw, kind: 'ops-api' } : raw), profileSchema);
const profilesFile = z.object({ profiles: z.array(savedProfile), activeId: z.string().nullable() });
type ProfilesFile = z.infer<typeof profilesFile>;

export interface ProfileStore {
  list(): Profile[];
  get(id: string): Profile | null;
  activeId(): string | null;
  put(profile: Profile): void;
  remove(id: string): void;
  activate(id: string | null): void;
}

/** Profiles (never tokens) in `profiles.json` in the data dir, written atomically. */
export function openProfileStore(dataDir: string): ProfileStore {
  const path = join(dataDir, 'profiles.json');
  let state = load(path);

  function save(next: ProfilesFile) {
    writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
    state = next;
  }

  return {
    list: () => state.profiles,
    get: (id) => state.profiles.find((candidate) => candidate.id === id) ?? null,
    activeId: () => state.activeId,
    put(profile) {
      const exists = state.profiles.some((candidate) => candidate.id === profile.id);
      const profiles = exists
        ? state.profiles.map((candidate) => (candidate.id === profile.id ? profile : candidate))
        : [...state.profiles, profile];
      save({ ...state, profiles });
    },
    remove(id) {
      save({ profiles: state.profiles.filter((candidate) => candidate.id !== id), activeId: state.activeId === id ? null : state.activeId });
    },
    activate(id) {
      save({ ...state, activeId: id });
    },
  };
}

function load(path: string): ProfilesFile {
  if (!existsSync(path)) return { profiles: [], activeId: null };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); fix or remove it.`, { cause: error });
  }
  const parsed = profilesFile.safeParse(raw);
  if (!parsed.success) throw new Error(`${path} is not a valid profiles file: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
