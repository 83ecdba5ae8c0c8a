import { describe, expect, it } from 'vitest';
import { Random } from '../../platform/demo-data/random.ts';
import { genesisPrevHash } from '../../shared/audit/event-hash.ts';
import { eventDigest } from '../../electron/services/audit/event-digest.ts';
import { readEventLine } from '../../electron/services/audit/event-line.ts';
import { unpackRead } from '../../electron/services/audit/packed-reads.ts';
import { readPlainEventLine } from '../../electron/services/audit/plain-event-line.ts';
import { lineInputOf, readLines } from '../../electron/services/audit/read-lines.ts';
import { makeChain, toLines } from '../fixtures/audit-chain.ts';

/** The line read on the fast path, as readEventLine would return it; null when the fast path leaves it. */
const fast = (line: string) => {
  const bytes = Buffer.from(line);
  const read = readPlainEventLine(bytes, 0, bytes.length);
  if (read === null) return null;
  const text = (start: number, end: number) => bytes.toString('utf8', start, end);
  const { seq, computedHash } = read;
  return { ok: true, seq, id: text(read.idStart, read.idEnd), prevHash: text(read.prevHashStart, read.prevHashEnd), hash: text(read.hashStart, read.hashEnd), computedHash, unhashable: null };
};

/** The lines read the way verify reads them (fast path where it applies), back as readEventLine's results. */
const readAsVerifyDoes = (lines: string[]) => {
  const reads = readLines(lineInputOf({ firstLine: 1, texts: lines }));
  return lines.map((_, index) => unpackRead(reads, index));
};

/** An event line written as `body` says (any spelling), with the hash of what it parses to. */
function sealedLine(body: string): string {
  const hash = eventDigest(JSON.parse(`{${body}}`) as Record<string, unknown>);
  return `{${body},"hash":"${hash}"}`;
}

const head = `"seq":3,"id":"evt_3","prev_hash":"${genesisPrevHash}"`;

describe('readPlainEventLine', () => {
  it('hashes platform lines, members out of JCS order, to their stated hashes as readEventLine does', () => {
    for (const line of toLines(makeChain(40))) {
      const read = fast(line);
      expect(read).not.toBeNull();
      expect(read).toEqual(readEventLine(line));
      expect(read).toMatchObject({ computedHash: (JSON.parse(line) as { hash: string }).hash });
    }
  });

  it.each([
    ['members in any order', `"metadata":{"z":1,"a":{"y":[],"b":{}}},${head},"actor":{"type":"user","id":"u1"}`],
    ['whitespace between tokens', ` ${head.replaceAll(',', ' ,\t')} , "metadata" : { "a" : [ 1 , true , null ] } \r`],
    ['numbers ECMAScript prints otherwise', `${head},"m":[1.0,1e2,1E+2,-0,-0.0,0.10,12e20,123456789012345678901,5e-324,1e-7,0.000001,2.50e-3]`],
    ['escapes JSON.stringify writes too', `${head},"note":"\\"q\\" \\\\ \\b\\f\\n\\r\\t"`],
    ['raw non-ASCII text', `${head},"name":"Ünïcødé ✓ 😀 \u2028"`],
    ['a nested hash member, which is hashed', `${head},"metadata":{"hash":"kept","__proto__":{"x":1}}`],
  ])('reads %s on the fast path to the JCS hash', (_, body) => {
    const line = sealedLine(body);
    const read = fast(line);
    expect(read).not.toBeNull();
    expect(read).toEqual(readEventLine(line));
    expect(read!.computedHash).toBe(read!.hash);
  });

  it.each([
    ['\\u escapes (\\u00e9 for é)', sealedLine(`${head},"name":"Ren\u00e9"`).replace('é', '\\u00e9'), true],
    ['an escaped slash', sealedLine(`${head},"path":"a/b"`).replace('a/b', 'a\\/b'), true],
    ['a non-ASCII key', sealedLine(`${head},"métadata":1`), true],
    ['an escaped key', sealedLine(`${head},"a\\"b":1`), true],
    ['a seq written as 3.0', sealedLine(head).replace('"seq":3', '"seq":3.0'), true],
    ['nesting deeper than the fast path goes', sealedLine(`${head},"deep":${'['.repeat(70)}${']'.repeat(70)}`), true],
    ['a repeated key (JSON.parse keeps the last)', `{${head},"a":1,"a":2,"hash":"${eventDigest({ seq: 3, id: 'evt_3', prev_hash: genesisPrevHash, a: 2 })}"}`, true],
    ['a number too large for a double', `{${head},"n":1e400,"hash":"x"}`, false],
    ['an escaped lone surrogate', `{${head},"s":"\\ud800","hash":"x"}`, false],
    ['a seq that is a string', `{"seq":"3","id":"evt_3","prev_hash":"x","hash":"y"}`, false],
    ['invalid JSON', `{${head},"a":01,"hash":"x"}`, false],
    ['trailing text', `${sealedLine(head)} x`, false],
    ['an array', '[1]', false],
    ['a blank line', '  ', false],
  ])('leaves %s to readEventLine, and verify still reads it as readEventLine does', (_, line, hashMatches) => {
    expect(fast(line)).toBeNull();
    const [read] = readAsVerifyDoes([line]);
    expect(read).toEqual(readEventLine(line));
    if (hashMatches) expect(read).toMatchObject({ ok: true, computedHash: (JSON.parse(line) as { hash: string }).hash });
  });

  it('reads 3,000 randomly spelled events the same as readEventLine, most of them on the fast path', () => {
    const random = new Random(2026);
    const next = () => random.next();
    const lines = makeChain(3_000).map((event) => {
      const { hash: _hash, ...content } = event;
      const value = { ...content, metadata: generate(next, 0) };
      return spell({ ...value, hash: eventDigest(value) }, next);
    });
    const reads = readAsVerifyDoes(lines);
    lines.forEach((line, index) => expect(reads[index], line).toEqual(readEventLine(line)));
    expect(reads.filter((read) => !read.ok || read.computedHash !== read.hash)).toEqual([]);
    expect(lines.filter((line) => fast(line) !== null).length).toBeGreaterThan(1_000);
  });

  it('reads invalid UTF-8, embedded line breaks and lone surrogates as readEventLine does', () => {
    const [line] = toLines(makeChain(1));
    const broken = Buffer.concat([Buffer.from(line!.slice(0, 40)), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(line!.slice(40))]);
    const reads = readLines({ bytes: Buffer.concat([broken, Buffer.from(`\n${line}\r\n`)]), lineCount: 2 });
    expect(unpackRead(reads, 0)).toEqual(readEventLine(broken.toString('utf8')));
    expect(unpackRead(reads, 1)).toEqual(readEventLine(`${line}\r`));
    const texts = [line!.replace('{', '{\n'), line!.replace('"action":"', '"action":"\ud800'), ''];
    expect(readAsVerifyDoes(texts)).toEqual(texts.map((text) => readEventLine(text)));
  });
});

const tricky = ['"', '\\', '/', '\b', '\n', '\t', '\u0001', '\u007f', 'é', '€', '\u2028', '😀', 'a', 'Z', ' '];
const numbers = [0, 1, -7, 1.5, 0.1, 1e21, 1e-7, 2 ** 53, 123456789012345, -0.000123, 333333333.3333333];

function generate(next: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const kind = Math.floor(next() * (depth > 2 ? 4 : 6));
  if (kind === 0) return pick([null, true, false]);
  if (kind === 1) return pick(numbers);
  if (kind === 2 || kind === 3) return Array.from({ length: Math.floor(next() * 6) }, () => pick(tricky)).join('');
  if (kind === 4) return Array.from({ length: Math.floor(next() * 4) }, () => generate(next, depth + 1));
  const keys = ['a', 'b', 'B', '_', 'hash', 'seq', 'é', 'a\nb', ''];
  return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [pick(keys), generate(next, depth + 1)]));
}

/** JSON for `value` spelled at random: members shuffled, whitespace, numbers and escapes written other ways. */
function spell(value: unknown, next: () => number): string {
  const space = () => (next() < 0.2 ? ' \t'.slice(0, 1 + Math.floor(next() * 2)) : '');
  if (Array.isArray(value)) return `[${value.map((item) => space() + spell(item, next) + space()).join(',')}]`;
  if (typeof value === 'number') return next() < 0.3 ? value.toExponential() : next() < 0.2 && Number.isSafeInteger(value) ? `${value}.0` : JSON.stringify(value);
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    return next() < 0.2 ? text.replace(/[^\x20-\x7e]|\//g, (char) => (char === '/' ? '\\/' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)) : text;
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value).sort(() => next() - 0.5);
  return `{${entries.map(([key, member]) => `${space()}${spell(key, next)}${space()}:${spell(member, next)}`).join(',')}${space()}}`;
}
