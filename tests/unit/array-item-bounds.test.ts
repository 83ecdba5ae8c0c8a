import { describe, expect, it } from 'vitest';
import { arrayItemBounds } from '../../electron/services/sync/array-item-bounds.ts';

/** Each element's text, read back from its bounds. */
function items(body: string, key = 'data'): string[] {
  const bytes = Buffer.from(body);
  const { bounds } = arrayItemBounds(bytes, key);
  return Array.from({ length: bounds.length / 2 }, (_, i) => bytes.toString('utf8', bounds[2 * i], bounds[2 * i + 1]));
}

describe('arrayItemBounds', () => {
  it('finds each element exactly as written, whatever its spacing and key order', () => {
    const body = '{ "has_more": true, "data" : [ {"b":1,"a":"x"} ,\n  {"seq": 2, "s": "with \\"quotes\\", commas ] and } braces"}, [1,2], "str", 12.50 , null ] }';
    expect(items(body)).toEqual([
      '{"b":1,"a":"x"}',
      '{"seq": 2, "s": "with \\"quotes\\", commas ] and } braces"}',
      '[1,2]',
      '"str"',
      '12.50',
      'null',
    ]);
  });

  it('finds the array brackets, so the rest of the object can be read without it', () => {
    const body = '{"has_more":false,"data":[{"a":1}, 2],"x":"]"}';
    const { open, close } = arrayItemBounds(Buffer.from(body), 'data');
    expect(body.slice(0, open + 1) + body.slice(close)).toBe('{"has_more":false,"data":[],"x":"]"}');
  });

  it('finds the key at the top level only, not inside a nested object or a string, nor as a value', () => {
    const body = '{"meta":{"data":[9]},"note":"\\"data\\":[8]","data":[{"x":{"data":[7]}}]}';
    expect(items(body)).toEqual(['{"x":{"data":[7]}}']);
    expect(items('{"kind" : "data", "data" : [1]}')).toEqual(['1']);
  });

  it('refuses an array that is not JSON: a comma before its end or between two commas', () => {
    expect(() => items('{"data":[{"a":1},]}')).toThrow('a comma ends the array under "data"');
    expect(() => items('{"data":[1,,2]}')).toThrow('an empty element in the array under "data"');
    expect(() => items('{"data":[,]}')).toThrow('an empty element in the array under "data"');
  });

  it('returns an empty list for an empty array and fails clearly when the array is missing', () => {
    expect(items('{"data":[ ]}')).toEqual([]);
    expect(() => items('{"items":[]}')).toThrow('no top-level "data" array');
    expect(() => items('{"data":{}}')).toThrow('"data" is not an array');
    expect(() => items('{"data" 1}')).toThrow('no top-level "data" array');
  });

  it('every element parses back to what JSON.parse sees, multi-byte characters and escapes included', () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ seq: i + 1, text: `é ✓ 😀 ${'\\'.repeat(i % 3)} "${i}"`, nested: { list: [i, { deep: [] }] } }));
    const body = JSON.stringify({ data: events, has_more: false }, null, 2);
    expect(items(body).map((item) => JSON.parse(item))).toEqual(events);
  });
});
