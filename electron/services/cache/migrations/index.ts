import type { Migration } from '../migrate.ts';
import { sql as initial } from './001-initial.ts';

/** Every cache migration, in order. Append only. */
export const cacheMigrations: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];
