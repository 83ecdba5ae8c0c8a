/**
 * SQLite's JSON functions read no deeper than this many levels, the outermost being one
 * (JSON_MAX_DEPTH): a stored event nested deeper would fail every query that reads its raw JSON,
 * and far deeper JSON overflows the stack of any recursive walk (JSON.stringify, JCS).
 */
export const maxJsonNesting = 1000;

/**
 * Whether `value`, parsed from `text`, nests deeper than maxJsonNesting. A level takes two
 * characters at least (its brackets), so a shorter text is not walked: events and manifests are far shorter.
 */
export function nestsTooDeep(value: unknown, text: string): boolean {
  if (text.length <= 2 * maxJsonNesting) return false;
  // A walk with a stack of its own: recursion would overflow on what it is there to refuse.
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > maxJsonNesting) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
