/** Where an array sits in a JSON text's bytes, and where each of its elements does. */
export interface ArrayItemBounds {
  /** Offsets of the array's `[` and `]`. */
  open: number;
  close: number;
  /** Element i is bytes[bounds[2i], bounds[2i + 1]), exactly as written, without surrounding spaces. */
  bounds: number[];
}

/**
 * The array under a top-level key of a JSON object in UTF-8, e.g. every event of
 * `{"data":[...],"has_more":true}` byte for byte as the platform sent it. Audit events are
 * stored raw so that exports reproduce them exactly. Scanning bytes is safe: in UTF-8 no byte of
 * a multi-byte character is a quote, bracket, brace, comma or backslash. The text is assumed
 * valid JSON; anything else may throw or find nonsense, which parsing the elements then refuses.
 */
export function arrayItemBounds(json: Uint8Array, key: string): ArrayItemBounds {
  const bytes = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  const open = findTopLevelArray(bytes, key);
  const bounds: number[] = [];
  let depth = 0;
  let itemStart = -1;
  for (let i = open + 1; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === quote) {
      if (depth === 0 && itemStart === -1) itemStart = i;
      i = skipString(bytes, i);
    } else if (c === 0x5b || c === 0x7b) {
      if (depth === 0 && itemStart === -1) itemStart = i;
      depth++;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth === 0) {
        if (itemStart !== -1) bounds.push(itemStart, trimEnd(bytes, i));
        else if (bounds.length > 0) throw new Error(`a comma ends the array under "${key}"`);
        return { open, close: i, bounds };
      }
      depth--;
    } else if (c === 0x2c && depth === 0) {
      if (itemStart === -1) throw new Error(`an empty element in the array under "${key}"`);
      bounds.push(itemStart, trimEnd(bytes, i));
      itemStart = -1;
    } else if (depth === 0 && itemStart === -1 && !isSpace(c)) {
      itemStart = i;
    }
  }
  throw new Error(`unterminated array under "${key}"`);
}

const quote = 0x22;

function findTopLevelArray(bytes: Buffer, key: string): number {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === quote) {
      const end = skipString(bytes, i);
      let j = end + 1;
      while (isSpace(bytes[j]!)) j++;
      // A member's name is the string before a colon; the same text as a value is not it.
      if (depth === 1 && bytes[j] === 0x3a && JSON.parse(bytes.toString('utf8', i, end + 1)) === key) {
        j++;
        while (isSpace(bytes[j]!)) j++;
        if (bytes[j] !== 0x5b) throw new Error(`"${key}" is not an array`);
        return j;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  throw new Error(`no top-level "${key}" array`);
}

/** Index of the closing quote of the string that opens at `open`. */
function skipString(bytes: Buffer, open: number): number {
  // indexOf jumps over the text: strings are most of a page, and a byte-by-byte scan of them costs most of the time.
  for (let at = bytes.indexOf(quote, open + 1); at !== -1; at = bytes.indexOf(quote, at + 1)) {
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  throw new Error('unterminated string');
}

function trimEnd(bytes: Buffer, end: number): number {
  while (end > 0 && isSpace(bytes[end - 1]!)) end--;
  return end;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
