import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from '../../shared/audit/canonical-json.ts';
import { eventHashInput, genesisPrevHash } from '../../shared/audit/event-hash.ts';

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const tricky = ['"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u0080', 'é', '€', '\u2028', '\u2029', '\ufb33', '\ud83d\ude00', '\u{10ffff}', 'a', 'Z', '1', ' '];

function generate(next: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const kind = depth > 3 ? Math.floor(next() * 4) : Math.floor(next() * 6);
  switch (kind) {
    case 0:
      return pick([null, true, false]);
    case 1:
      return generateNumber(next);
    case 2:
    case 3:
      return generateString(next);
    case 4:
      return Array.from({ length: Math.floor(next() * 5) }, () => generate(next, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 8) }, () => [generateString(next), generate(next, depth + 1)]));
  }
}

function generateString(next: () => number): string {
  let text = '';
  for (let length = Math.floor(next() * 8); length > 0; length--) {
    text += next() < 0.5 ? tricky[Math.floor(next() * tricky.length)] : String.fromCharCode(0x20 + Math.floor(next() * 0x5f));
  }
  return text;
}

function generateNumber(next: () => number): number {
  const special = [0, -0, 1e21, 1e-7, 1e-6, 5e-324, -5e-324, Number.MAX_VALUE, Number.MIN_SAFE_INTEGER, 2 ** 53, 0.1, 333333333.3333333];
  const mode = Math.floor(next() * 4);
  if (mode === 0) return special[Math.floor(next() * special.length)]!;
  if (mode === 1) return Math.floor((next() - 0.5) * 2 ** 40);
  const bits = new DataView(new ArrayBuffer(8));
  bits.setUint32(0, Math.floor(next() * 2 ** 32));
  bits.setUint32(4, Math.floor(next() * 2 ** 32));
  const number = bits.getFloat64(0);
  return Number.isFinite(number) ? number : 1.5;
}

describe('canonicalJson', () => {
  it('matches the canonicalize package on 5,000 generated values', () => {
    const next = random(8785);
    for (let round = 0; round < 5_000; round++) {
      const value = generate(next, 0);
      expect(canonicalJson(value), JSON.stringify(value)).toBe(canonicalize(value));
    }
  });

  it('matches on objects with many keys and integer-like keys (the larger sort path)', () => {
    const object = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [index % 3 === 0 ? String(index) : `k${index * 7919 % 211}`, index]));
    expect(canonicalJson(object)).toBe(canonicalize(object));
    expect(canonicalJson({ 10: 'a', 9: 'b', a: 1, '': 0 })).toBe('{"":0,"10":"a","9":"b","a":1}');
  });

  it('reproduces the RFC 8785 section 3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units as in RFC 8785 section 3.2.3', () => {
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('prints the RFC 8785 appendix B numbers', () => {
    const vectors: Array<[string, string]> = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [hex, expected] of vectors) {
      const number = new DataView(Uint8Array.from(Buffer.from(hex, 'hex')).buffer).getFloat64(0);
      expect(canonicalJson(number), hex).toBe(expected);
    }
  });

  it('rejects NaN, Infinity, lone surrogates and non-JSON types, saying where', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow('cannot canonicalize $: NaN is not a JSON number');
    expect(() => canonicalJson({ a: [1, { b: Infinity }] })).toThrow('cannot canonicalize $.a[1].b: Infinity is not a JSON number');
    expect(() => canonicalJson({ metadata: { note: 'x\ud800' } })).toThrow(/\$\.metadata\.note: a string holds a lone surrogate/);
    expect(() => canonicalJson({ ['\udc00']: 1 })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ n: 10n })).toThrow('cannot canonicalize $.n: a bigint has no JSON form');
    expect(() => canonicalJson(undefined)).toThrow('undefined has no JSON form');
  });

  it('drops undefined members and honours toJSON, as JSON.stringify does', () => {
    expect(canonicalJson({ b: undefined, a: [undefined], d: new Date(0) })).toBe('{"a":[null],"d":"1970-01-01T00:00:00.000Z"}');
  });
});

describe('eventHashInput', () => {
  it('is the canonical JSON without the hash member, keeping unknown members and prev_hash', () => {
    const event = { seq: 1, id: 'evt_1', hash: 'f'.repeat(64), prev_hash: genesisPrevHash, x_new_field: { z: 1, a: 2 } };
    expect(eventHashInput(event)).toBe(`{"id":"evt_1","prev_hash":"${'0'.repeat(64)}","seq":1,"x_new_field":{"a":2,"z":1}}`);
    expect(event.hash).toBe('f'.repeat(64));
  });
});
