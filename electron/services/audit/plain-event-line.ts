import { hash } from 'node:crypto';

/**
 * An event line as the fast path reads it: its seq, where the contents of its id, prev_hash and
 * hash strings are in the line's bytes (plain strings, so those bytes are their UTF-8), and the
 * hash its content has.
 */
export interface PlainEventRead {
  seq: number;
  idStart: number;
  idEnd: number;
  prevHashStart: number;
  prevHashEnd: number;
  hashStart: number;
  hashEnd: number;
  computedHash: string;
}

/**
 * Verify's fast path: reads an event line from its UTF-8 bytes and writes the JCS of the event
 * without `hash` straight from them (members sorted, whitespace dropped, numbers reprinted only
 * when not already in ECMAScript form), with no JS value built in between.
 *
 * It takes only lines whose JCS is provably those bytes rearranged, and returns null for
 * anything else (not a JSON object, `\u` or `\/` escapes, keys that are not plain ASCII or that
 * repeat, seq not a plain integer, id or hashes with escapes, nesting deeper than maxDepth,
 * invalid JSON), which readEventLine then reads the general way. Why a kept string is already
 * canonical: JSON.stringify escapes exactly `"`, `\`, \b \f \n \r \t, the other control
 * characters (as \u, refused here) and lone surrogates (which valid UTF-8 cannot hold), so a
 * string with no other escapes prints as it was written. ASCII keys sort by bytes as JCS sorts
 * them by UTF-16 code units.
 *
 * The caller must have checked that the bytes are valid UTF-8 (buffer.isUtf8).
 */
export function readPlainEventLine(src: Buffer, start: number, end: number): PlainEventRead | null {
  return reader.read(src, start, end);
}

const maxDepth = 64;

// What a node is emitted as: its bytes copied from the line, a reprinted number, or a container.
const copied = 0;
const plainString = 1; // copied too; a string with no escapes, so its bytes are its value
const reprinted = 2;
const object = 3;
const array = 4;

const byte = {
  tab: 0x09, lf: 0x0a, cr: 0x0d, space: 0x20, quote: 0x22, plus: 0x2b, comma: 0x2c, minus: 0x2d, dot: 0x2e,
  zero: 0x30, nine: 0x39, one: 0x31, colon: 0x3a, upperE: 0x45, openBracket: 0x5b, backslash: 0x5c, closeBracket: 0x5d,
  lowerE: 0x65, openBrace: 0x7b, closeBrace: 0x7d,
} as const;

/** Escapes JSON.stringify writes itself: \" \\ \b \f \n \r \t. */
const keptEscape = new Uint8Array(128);
for (const char of '"\\bfnrt') keptEscape[char.charCodeAt(0)] = 1;

/** Bytes that end a run of plain string content: a quote, a backslash, a control character; in a key also non-ASCII. */
const valueStop = new Uint8Array(256);
const keyStop = new Uint8Array(256);
for (let code = 0; code < 256; code++) {
  valueStop[code] = code < 0x20 || code === byte.quote || code === byte.backslash ? 1 : 0;
  keyStop[code] = valueStop[code]! | (code >= 0x80 ? 1 : 0);
}

/** Below this many bytes a loop copies faster than a call into Buffer.copy. */
const nativeCopyBytes = 64;
/** Objects with fewer members than this remember the order they last sorted to. */
const rememberedOrders = 64;
const noMembers = new Int32Array(0);

const keyBytes = (key: string) => Uint8Array.from(key, (char) => char.charCodeAt(0));
const seqKey = keyBytes('seq');
const idKey = keyBytes('id');
const prevHashKey = keyBytes('prev_hash');
const hashKey = keyBytes('hash');

class PlainEventReader {
  private src: Buffer = Buffer.alloc(0);
  private at = 0;
  private end = 0;
  // Nodes: kind, then (start, end) of its bytes, or its reprinted number's index, or its
  // children's (first index in `children`, count). An object's children are (key start, key
  // end, value node) triples, the key without its quotes.
  private kinds = new Uint8Array(256);
  private firsts = new Int32Array(256);
  private seconds = new Int32Array(256);
  private nodeCount = 0;
  private children = new Int32Array(1024);
  private childCount = 0;
  /** Children of the containers being parsed, moved to `children` as each one closes. */
  private pending = new Int32Array(1024);
  private pendingCount = 0;
  private numbers: string[] = [];
  private numberCount = 0;
  /** How many bytes longer than written the reprinted numbers are: the JCS is at most the line plus these. */
  private reprintedGrowth = 0;
  /**
   * By member count and first key's first byte, the order (member indexes) the last such object
   * sorted to: the lines of a file mostly share their shape, so checking that order usually
   * spares a sort.
   */
  private readonly lastOrders = new Array<Int32Array | undefined>(rememberedOrders * 256);
  private out = Buffer.alloc(4096);
  private written = 0;
  // Views to copy four bytes at a time.
  private srcView = viewOf(this.src);
  private outView = viewOf(this.out);

  read(src: Buffer, start: number, end: number): PlainEventRead | null {
    if (src !== this.src) this.srcView = viewOf(src);
    this.src = src;
    this.at = start;
    this.end = end;
    this.nodeCount = 0;
    this.childCount = 0;
    this.pendingCount = 0;
    this.numberCount = 0;
    this.reprintedGrowth = 0;
    this.skipWhitespace();
    if (this.at >= end || src[this.at] !== byte.openBrace) return null;
    const root = this.parseValue(0);
    if (root < 0) return null;
    this.skipWhitespace();
    if (this.at !== end) return null;
    const seq = this.seqOf(this.member(root, seqKey));
    const id = this.plainString(this.member(root, idKey));
    const prevHash = this.plainString(this.member(root, prevHashKey));
    const stated = this.plainString(this.member(root, hashKey));
    if (seq === null || id < 0 || prevHash < 0 || stated < 0) return null;
    this.reserve(end - start + this.reprintedGrowth);
    this.written = 0;
    if (!this.emit(root, true)) return null;
    const { firsts, seconds } = this;
    return {
      seq,
      idStart: firsts[id]! + 1,
      idEnd: seconds[id]! - 1,
      prevHashStart: firsts[prevHash]! + 1,
      prevHashEnd: seconds[prevHash]! - 1,
      hashStart: firsts[stated]! + 1,
      hashEnd: seconds[stated]! - 1,
      computedHash: hash('sha256', this.out.subarray(0, this.written), 'hex'),
    };
  }

  private parseValue(depth: number): number {
    this.skipWhitespace();
    if (this.at >= this.end) return -1;
    switch (this.src[this.at]) {
      case byte.openBrace:
        return depth < maxDepth ? this.parseObject(depth) : -1;
      case byte.openBracket:
        return depth < maxDepth ? this.parseArray(depth) : -1;
      case byte.quote:
        return this.parseString();
      case 0x74: // t
        return this.parseLiteral('true');
      case 0x66: // f
        return this.parseLiteral('false');
      case 0x6e: // n
        return this.parseLiteral('null');
      default:
        return this.parseNumber();
    }
  }

  private parseObject(depth: number): number {
    const base = this.pendingCount;
    this.at++;
    this.skipWhitespace();
    if (this.src[this.at] === byte.closeBrace && this.at < this.end) {
      this.at++;
      return this.container(object, base, 0);
    }
    for (;;) {
      this.skipWhitespace();
      if (this.at >= this.end || this.src[this.at] !== byte.quote) return -1;
      const keyStart = this.at + 1;
      if (this.scanString(keyStop) !== plainString) return -1;
      const keyEnd = this.at - 1;
      this.skipWhitespace();
      if (this.at >= this.end || this.src[this.at] !== byte.colon) return -1;
      this.at++;
      const value = this.parseValue(depth + 1);
      if (value < 0) return -1;
      this.push(keyStart);
      this.push(keyEnd);
      this.push(value);
      this.skipWhitespace();
      if (this.at >= this.end) return -1;
      const next = this.src[this.at++];
      if (next === byte.closeBrace) return this.container(object, base, (this.pendingCount - base) / 3);
      if (next !== byte.comma) return -1;
    }
  }

  private parseArray(depth: number): number {
    const base = this.pendingCount;
    this.at++;
    this.skipWhitespace();
    if (this.src[this.at] === byte.closeBracket && this.at < this.end) {
      this.at++;
      return this.container(array, base, 0);
    }
    for (;;) {
      const value = this.parseValue(depth + 1);
      if (value < 0) return -1;
      this.push(value);
      this.skipWhitespace();
      if (this.at >= this.end) return -1;
      const next = this.src[this.at++];
      if (next === byte.closeBracket) return this.container(array, base, this.pendingCount - base);
      if (next !== byte.comma) return -1;
    }
  }

  private parseString(): number {
    const start = this.at;
    const kind = this.scanString(valueStop);
    return kind < 0 ? -1 : this.node(kind, start, this.at);
  }

  /**
   * Moves past the string at `at`: plainString, copied (escapes JSON.stringify writes itself) or
   * -1 for any other byte `stop` marks; keyStop refuses escapes too.
   */
  private scanString(stop: Uint8Array): number {
    const { src, end } = this;
    let kind = plainString;
    for (let index = this.at + 1; index < end; index++) {
      const code = src[index]!;
      if (stop[code] === 0) continue;
      if (code === byte.quote) {
        this.at = index + 1;
        return kind;
      }
      if (code !== byte.backslash || stop === keyStop) return -1;
      const escaped = src[++index];
      if (index >= end || escaped === undefined || escaped >= 128 || keptEscape[escaped] === 0) return -1;
      kind = copied;
    }
    return -1;
  }

  private parseLiteral(literal: string): number {
    const start = this.at;
    if (start + literal.length > this.end) return -1;
    for (let index = 0; index < literal.length; index++) if (this.src[start + index] !== literal.charCodeAt(index)) return -1;
    this.at += literal.length;
    return this.node(copied, start, this.at);
  }

  /** JSON's number grammar; the number is reprinted unless it is already as ECMAScript prints it. */
  private parseNumber(): number {
    const { src, end } = this;
    const start = this.at;
    let at = start;
    if (src[at] === byte.minus) at++;
    if (at < end && src[at] === byte.zero) at++;
    else if (at < end && src[at]! >= byte.one && src[at]! <= byte.nine) at = this.digits(at);
    else return -1;
    let integer = true;
    if (at < end && src[at] === byte.dot) {
      integer = false;
      const fraction = at + 1;
      at = this.digits(fraction);
      if (at === fraction) return -1;
    }
    if (at < end && (src[at] === byte.lowerE || src[at] === byte.upperE)) {
      integer = false;
      at++;
      if (at < end && (src[at] === byte.plus || src[at] === byte.minus)) at++;
      const exponent = at;
      at = this.digits(exponent);
      if (at === exponent) return -1;
    }
    this.at = at;
    // Up to 15 digits an integer is exact and prints as written; "-0" prints as "0".
    if (integer && at - start <= 15 && !(src[start] === byte.minus && src[start + 1] === byte.zero)) return this.node(copied, start, at);
    const text = src.toString('latin1', start, at);
    const value = Number(text);
    if (!Number.isFinite(value)) return -1;
    const printed = `${value}`;
    if (printed === text) return this.node(copied, start, at);
    this.numbers[this.numberCount] = printed;
    this.reprintedGrowth += Math.max(printed.length - text.length, 0);
    return this.node(reprinted, this.numberCount++, 0);
  }

  private digits(from: number): number {
    let at = from;
    while (at < this.end && this.src[at]! >= byte.zero && this.src[at]! <= byte.nine) at++;
    return at;
  }

  private skipWhitespace(): void {
    const { src, end } = this;
    let at = this.at;
    // Every whitespace byte is <= space: one comparison passes the usual next token.
    while (at < end && src[at]! <= byte.space) {
      const code = src[at];
      if (code !== byte.space && code !== byte.tab && code !== byte.cr && code !== byte.lf) break;
      at++;
    }
    this.at = at;
  }

  private node(kind: number, first: number, second: number): number {
    if (this.nodeCount === this.kinds.length) {
      this.kinds = grown(this.kinds);
      this.firsts = grown(this.firsts);
      this.seconds = grown(this.seconds);
    }
    this.kinds[this.nodeCount] = kind;
    this.firsts[this.nodeCount] = first;
    this.seconds[this.nodeCount] = second;
    return this.nodeCount++;
  }

  private push(value: number): void {
    if (this.pendingCount === this.pending.length) this.pending = grown(this.pending);
    this.pending[this.pendingCount++] = value;
  }

  private container(kind: number, base: number, count: number): number {
    const entries = this.pendingCount - base;
    while (this.childCount + entries > this.children.length) this.children = grown(this.children);
    const { children, pending, childCount } = this;
    for (let index = 0; index < entries; index++) children[childCount + index] = pending[base + index]!;
    this.pendingCount = base;
    const node = this.node(kind, childCount, count);
    this.childCount += entries;
    return node;
  }

  /** The value node of the object's first member named `key`, or -1. */
  private member(node: number, key: Uint8Array): number {
    const first = this.firsts[node]!;
    for (let index = 0; index < this.seconds[node]!; index++) {
      const at = first + index * 3;
      if (this.keyEquals(this.children[at]!, this.children[at + 1]!, key)) return this.children[at + 2]!;
    }
    return -1;
  }

  private keyEquals(start: number, end: number, key: Uint8Array): boolean {
    if (end - start !== key.length) return false;
    for (let index = 0; index < key.length; index++) if (this.src[start + index] !== key[index]) return false;
    return true;
  }

  /** A seq written as a plain whole number >= 1 (others go the general way). */
  private seqOf(node: number): number | null {
    if (node < 0 || this.kinds[node] !== copied) return null;
    const start = this.firsts[node]!;
    const end = this.seconds[node]!;
    if (end - start > 15 || this.src[start]! < byte.one || this.src[start]! > byte.nine) return null;
    let value = 0;
    for (let index = start; index < end; index++) {
      const digit = this.src[index]! - byte.zero;
      if (digit < 0 || digit > 9) return null;
      value = value * 10 + digit;
    }
    return value;
  }

  /** The node when it is a string with no escapes, else -1. */
  private plainString(node: number): number {
    return node >= 0 && this.kinds[node] === plainString ? node : -1;
  }

  /** Writes the node's JCS to `out`, which has room for it; false when an object repeats a key. */
  private emit(node: number, isEvent = false): boolean {
    const kind = this.kinds[node]!;
    const first = this.firsts[node]!;
    const second = this.seconds[node]!;
    if (this.isVerbatim(node)) {
      this.copy(first, second);
      return true;
    }
    if (kind === reprinted) {
      this.writeAscii(this.numbers[first]!);
      return true;
    }
    if (kind === array) {
      this.out[this.written++] = byte.openBracket;
      for (let index = 0; index < second; index++) {
        if (index > 0) this.out[this.written++] = byte.comma;
        if (!this.emit(this.children[first + index]!)) return false;
      }
      this.out[this.written++] = byte.closeBracket;
      return true;
    }
    const order = this.sortedOrder(first, second);
    if (order === null) return false;
    this.out[this.written++] = byte.openBrace;
    let members = 0;
    for (let index = 0; index < second; index++) {
      const at = first + order[index]! * 3;
      const keyStart = this.children[at]!;
      const keyEnd = this.children[at + 1]!;
      const value = this.children[at + 2]!;
      if (isEvent && this.keyEquals(keyStart, keyEnd, hashKey)) continue;
      if (members++ > 0) this.out[this.written++] = byte.comma;
      if (this.isVerbatim(value) && this.firsts[value] === keyEnd + 2) {
        // `"key":value` with nothing between: one copy.
        this.copy(keyStart - 1, this.seconds[value]!);
        continue;
      }
      this.copy(keyStart - 1, keyEnd + 1);
      this.out[this.written++] = byte.colon;
      if (!this.emit(value)) return false;
    }
    this.out[this.written++] = byte.closeBrace;
    return true;
  }

  /** Whether the node's JCS is its bytes. */
  private isVerbatim(node: number): boolean {
    const kind = this.kinds[node];
    return kind === copied || kind === plainString;
  }

  /** The object's member indexes in key order; null when two keys are equal. Never changed once returned. */
  private sortedOrder(first: number, count: number): Int32Array | null {
    if (count === 0) return noMembers;
    const shape = count < rememberedOrders ? count * 256 + this.src[this.children[first]!]! : -1;
    const remembered = shape < 0 ? undefined : this.lastOrders[shape];
    if (remembered !== undefined && this.inKeyOrder(first, remembered)) return remembered;
    const order = this.sortMembers(first, count);
    if (order !== null && shape >= 0) this.lastOrders[shape] = order;
    return order;
  }

  /** Whether the keys taken in `order` strictly ascend (so none repeats). */
  private inKeyOrder(first: number, order: Int32Array): boolean {
    const children = this.children;
    for (let index = 1; index < order.length; index++) {
      const previous = first + order[index - 1]! * 3;
      const next = first + order[index]! * 3;
      if (this.compareKeys(children[previous]!, children[previous + 1]!, children[next]!, children[next + 1]!) >= 0) return false;
    }
    return true;
  }

  /** Insertion sort of member indexes by key; null when two keys are equal. */
  private sortMembers(first: number, count: number): Int32Array | null {
    const children = this.children;
    const order = new Int32Array(count);
    for (let index = 0; index < count; index++) {
      const member = first + index * 3;
      const keyStart = children[member]!;
      const keyEnd = children[member + 1]!;
      let at = index - 1;
      for (; at >= 0; at--) {
        const other = first + order[at]! * 3;
        const comparison = this.compareKeys(children[other]!, children[other + 1]!, keyStart, keyEnd);
        if (comparison === 0) return null;
        if (comparison < 0) break;
        order[at + 1] = order[at]!;
      }
      order[at + 1] = index;
    }
    return order;
  }

  private compareKeys(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
    const src = this.src;
    const length = Math.min(aEnd - aStart, bEnd - bStart);
    for (let index = 0; index < length; index++) {
      const order = src[aStart + index]! - src[bStart + index]!;
      if (order !== 0) return order;
    }
    return aEnd - aStart - (bEnd - bStart);
  }

  private copy(start: number, end: number): void {
    const { src, out, srcView, outView } = this;
    if (end - start >= nativeCopyBytes) {
      this.written += src.copy(out, this.written, start, end);
      return;
    }
    let written = this.written;
    let index = start;
    for (; index + 4 <= end; index += 4, written += 4) outView.setUint32(written, srcView.getUint32(index));
    for (; index < end; index++) out[written++] = src[index]!;
    this.written = written;
  }

  private writeAscii(text: string): void {
    for (let index = 0; index < text.length; index++) this.out[this.written++] = text.charCodeAt(index);
  }

  /** Makes `out` at least `bytes` long. */
  private reserve(bytes: number): void {
    if (bytes <= this.out.length) return;
    this.out = Buffer.alloc(Math.max(this.out.length * 2, bytes));
    this.outView = viewOf(this.out);
  }
}

const viewOf = (bytes: Buffer) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function grown<T extends Uint8Array | Int32Array>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
  larger.set(array);
  return larger;
}

const reader = new PlainEventReader();
