import { describe, expect, it } from 'vitest';
import { rawArrayItems } from '../../electron/services/sync/raw-array-items.ts';

describe('rawArrayItems', () => {
  it('returns each element exactly as written, whatever its spacing and key order', () => {
    const body = '{ "has_more": true, "data" : [ {"b":1,"a":"x"} ,\n  {"seq": 2, "s": "with \\"quotes\\", commas ] and } braces"}, [1,2], "str", 12.50 , null ] }';
    expect(rawArrayItems(body, 'data')).toEqual([
      '{"b":1,"a":"x"}',
      '{"seq": 2, "s": "with \\"quotes\\", commas ] and } braces"}',
      '[1,2]',
      '"str"',
      '12.50',
      'null',
    ]);
  });

  it('finds the key at the top level only, not inside a nested object or a string', () => {
    const body = '{"meta":{"data":[9]},"note":"\\"data\\":[8]","data":[{"x":{"data":[7]}}]}';
    expect(rawArrayItems(body, 'data')).toEqual(['{"x":{"data":[7]}}']);
  });

  it('returns an empty list for an empty array and fails clearly when the array is missing', () => {
    expect(rawArrayItems('{"data":[ ]}', 'data')).toEqual([]);
    expect(() => rawArrayItems('{"items":[]}', 'data')).toThrow('no top-level "data" array');
    expect(() => rawArrayItems('{"data":{}}', 'data')).toThrow('"data" is not an array');
  });

  it('every element parses back to what JSON.parse sees', () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ seq: i + 1, text: `é ${'\\'.repeat(i % 3)} "${i}"`, nested: { list: [i, { deep: [] }] } }));
    const body = JSON.stringify({ data: events, has_more: false }, null, 2);
    expect(rawArrayItems(body, 'data').map((item) => JSON.parse(item))).toEqual(events);
  });
});
