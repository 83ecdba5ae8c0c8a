import type { ListPage } from '../shared/ops-api/index.ts';
import { invalidParameters } from './http/problem.ts';

type KeyValue = string | number;

/**
 * Opaque cursors: base64url JSON of the list they belong to and the sort key of the last
 * item served. Keyset paging, so rows added or removed meanwhile cause no duplicates or gaps.
 */
export function encodeCursor(list: string, key: KeyValue[]): string {
  return Buffer.from(JSON.stringify({ l: list, k: key })).toString('base64url');
}

/** The sort key a cursor carries, or a 422 problem if it is not a cursor of this list. */
export function decodeCursor(list: string, cursor: string | undefined, keyLength: number): KeyValue[] | null {
  if (cursor === undefined) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const { l, k } = (decoded ?? {}) as { l?: unknown; k?: unknown };
  if (l !== list || !Array.isArray(k) || k.length !== keyLength || !k.every((value) => typeof value === 'string' || typeof value === 'number')) {
    throw invalidParameters(`cursor: not a cursor of ${list}; pass next_cursor from a previous page unchanged.`);
  }
  return k as KeyValue[];
}

/** Turns `limit + 1` fetched rows into a page, with a cursor when more follow. */
export function toPage<Row, Item>(list: string, rows: Row[], limit: number, toItem: (row: Row) => Item, keyOf: (row: Row) => KeyValue[]): ListPage<Item> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { data: pageRows.map(toItem), next_cursor: more && last !== undefined ? encodeCursor(list, keyOf(last)) : null };
}
