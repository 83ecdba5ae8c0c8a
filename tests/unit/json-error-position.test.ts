import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorMessage, jsonErrorOffset } from '../../electron/services/audit/json-error-position.ts';
import { fuzzed } from '../fixtures/fuzz.ts';

const parseError = (text: string): Error | null => {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return error as Error;
  }
};

/** JSON text with a few characters changed: near misses, the inputs a position matters for. */
const nearlyJson = fc
  .tuple(fc.json({ maxDepth: 4 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ',', ']', '}', '"', '\\', ':', 'x', '-', '.', ' ', '\n', '\u0001', '{', '[')), { maxLength: 3 }))
  .map(([text, edits]) => edits.reduce((out, [at, insert]) => out.slice(0, at % (out.length + 1)) + insert + out.slice((at % (out.length + 1)) + (insert === '' ? 1 : 0)), text));

describe('where JSON breaks', () => {
  it('finds an error exactly when JSON.parse does, and places it inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyJson, fc.json(), fc.string({ unit: 'binary', maxLength: 20 })), (text) => {
        const error = parseError(text);
        const offset = jsonErrorOffset(text);
        expect(offset === null, `${JSON.stringify(text)}: ${error?.message}`).toBe(error === null);
        if (offset === null) return;
        expect(offset).toBeLessThanOrEqual(text.length);
        expect(jsonErrorMessage(text, error!)).toMatch(/ at position \d+ \(line \d+ column \d+\)$/);
      }),
      fuzzed('JSON error offsets', 1000),
    );
  });

  it('names the position V8 leaves out', () => {
    const at = (text: string) => jsonErrorMessage(text, parseError(text)!);
    expect(at('{"a":tru}')).toBe(`Unexpected token '}', "{"a":tru}" is not valid JSON at position 8 (line 1 column 9)`);
    expect(at('[1,\n]')).toBe(`Unexpected token ']', "[1,\n]" is not valid JSON at position 4 (line 2 column 1)`);
    expect(at('{"a":')).toBe('Unexpected end of JSON input at position 5 (line 1 column 6)');
    expect(at('{"a" 1}')).toBe('Expected \':\' after property name in JSON at position 5 (line 1 column 6)');
    expect(jsonErrorOffset(`${'['.repeat(100_000)}1${']'.repeat(99_999)}`)).toBe(200_000);
  });
});
