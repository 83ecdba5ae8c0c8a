/**
 * The exact source text of each element of the array under a top-level key of a JSON object,
 * e.g. every event of `{"data":[...],"has_more":true}` byte for byte as the platform sent it.
 * Audit events are stored raw so that exports reproduce them exactly; the text must already be
 * valid JSON (the caller has parsed it).
 */
export function rawArrayItems(json: string, key: string): string[] {
  const start = findTopLevelArray(json, key);
  const items: string[] = [];
  let depth = 0;
  let itemStart = -1;
  for (let i = start + 1; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      if (depth === 0 && itemStart === -1) itemStart = i;
      i = skipString(json, i);
    } else if (c === 0x5b || c === 0x7b) {
      if (depth === 0 && itemStart === -1) itemStart = i;
      depth++;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth === 0) {
        if (itemStart !== -1) items.push(json.slice(itemStart, trimEnd(json, i)));
        return items;
      }
      depth--;
    } else if (c === 0x2c && depth === 0) {
      items.push(json.slice(itemStart, trimEnd(json, i)));
      itemStart = -1;
    } else if (depth === 0 && itemStart === -1 && !isSpace(c)) {
      itemStart = i;
    }
  }
  throw new Error(`unterminated array under "${key}"`);
}

function findTopLevelArray(json: string, key: string): number {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      const end = skipString(json, i);
      if (depth === 1 && JSON.parse(json.slice(i, end + 1)) === key) {
        let j = end + 1;
        while (isSpace(json.charCodeAt(j))) j++;
        if (json[j] !== ':') throw new Error(`"${key}" is not followed by a colon`);
        j++;
        while (isSpace(json.charCodeAt(j))) j++;
        if (json[j] !== '[') throw new Error(`"${key}" is not an array`);
        return j;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  throw new Error(`no top-level "${key}" array`);
}

/** Index of the closing quote of the string that opens at `open`. */
function skipString(json: string, open: number): number {
  // indexOf jumps over the text: strings are most of a page, and a char-by-char scan of them costs most of the time.
  for (let quote = json.indexOf('"', open + 1); quote !== -1; quote = json.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (json.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  throw new Error('unterminated string');
}

function trimEnd(json: string, end: number): number {
  while (end > 0 && isSpace(json.charCodeAt(end - 1))) end--;
  return end;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
