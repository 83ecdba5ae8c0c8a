// sync_state has one owner: only cache/sync-state.ts (and the migrations that make the table) write it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const writes = /\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+sync_state\b/i;

it('no module but cache/sync-state.ts writes sync_state', () => {
  const writers = readdirSync(join(root, 'electron'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((path) => !path.includes('/migrations/') && writes.test(readFileSync(join(root, path), 'utf8')));
  expect(writers).toEqual(['electron/services/cache/sync-state.ts']);
});
