import { formatBytes } from '../../../shared/format-bytes.ts';
import { inputLimits } from '../audit/input-limits.ts';
import { ImportError } from './import-error.ts';

/** Elements of a top-level JSON array: each one's exact text and the line it starts on. */
export interface ArrayElements {
  lines: number[];
  texts: string[];
}

const byte = { tab: 0x09, lf: 0x0a, cr: 0x0d, space: 0x20, quote: 0x22, comma: 0x2c, open: 0x5b, backslash: 0x5c, close: 0x5d, openBrace: 0x7b, closeBrace: 0x7d };
const isSpace = (code: number) => code === byte.space || code === byte.lf || code === byte.cr || code === byte.tab;

const enum State {
  Start,
  Element,
  Inside,
  After,
  Done,
}

/**
 * Splits a JSON array into its elements as the bytes stream in, without parsing them: only
 * nesting and strings are followed, so memory holds one chunk and one element at a time. Each
 * element is what stands between the separators, byte for byte (the records parse them).
 * A broken array structure (no '[', a missing ',', text after ']') or an element longer than
 * inputLimits.recordBytes is an ImportError.
 */
export async function* jsonArrayElements(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<ArrayElements> {
  let state = State.Start;
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let elementLine = 0;
  let pieces: Buffer[] = [];
  let piecesBytes = 0;
  let out: ArrayElements = { lines: [], texts: [] };
  const fail = (reason: string): never => {
    throw new ImportError(name, line, reason);
  };
  /** Ends the element at `end`; returns the state after it. */
  const finish = (chunk: Buffer, start: number, end: number): State => {
    pieces.push(chunk.subarray(start, end));
    out.lines.push(elementLine);
    out.texts.push(Buffer.concat(pieces).toString('utf8'));
    pieces = [];
    piecesBytes = 0;
    return State.After;
  };

  for await (const chunk of chunks) {
    let start = state === State.Inside ? 0 : -1;
    for (let at = 0; at < chunk.length; at++) {
      const code = chunk[at]!;
      if (code === byte.lf) line++;
      if (state === State.Inside) {
        if (inString) {
          if (escaped) escaped = false;
          else if (code === byte.backslash) escaped = true;
          else if (code === byte.quote) {
            inString = false;
            if (depth === 0) state = finish(chunk, start, at + 1);
          }
        } else if (code === byte.quote) inString = true;
        else if (code === byte.openBrace || code === byte.open) depth++;
        else if (code === byte.closeBrace || code === byte.close) {
          if (depth === 0) {
            state = finish(chunk, start, at);
            at--; // the ']' closes the array
          } else if (--depth === 0) state = finish(chunk, start, at + 1);
        } else if (depth === 0 && (code === byte.comma || isSpace(code))) {
          state = finish(chunk, start, at);
          if (code === byte.lf) line--;
          at--; // a bare value (number, literal) ends here: the separator is read next
        }
        continue;
      }
      if (isSpace(code)) continue;
      if (state === State.Start) {
        if (code !== byte.open) fail("not a JSON array: expected '['");
        state = State.Element;
      } else if (state === State.Element) {
        if (code === byte.close && elementLine === 0) {
          state = State.Done;
          continue;
        }
        if (code === byte.comma || code === byte.close) fail(`expected an array element, found '${String.fromCharCode(code)}'`);
        state = State.Inside;
        elementLine = line;
        start = at;
        depth = code === byte.openBrace || code === byte.open ? 1 : 0;
        inString = code === byte.quote;
      } else if (state === State.After) {
        if (code === byte.comma) state = State.Element;
        else if (code === byte.close) state = State.Done;
        else fail("expected ',' or ']' after an array element");
      } else {
        fail("unexpected text after the array's closing ']'");
      }
    }
    if (state === State.Inside) {
      pieces.push(chunk.subarray(start));
      piecesBytes += chunk.length - start;
      if (piecesBytes > inputLimits.recordBytes) {
        throw new ImportError(name, elementLine, `refused: the array element is longer than ${formatBytes(inputLimits.recordBytes)}, far more than any audit event`);
      }
    }
    if (out.lines.length > 0) {
      yield out;
      out = { lines: [], texts: [] };
    }
  }
  // (TypeScript does not see the states `finish` returns inside the loop.)
  const last = state as State;
  if (last !== State.Done) fail(last === State.Start ? 'empty file' : "the array is not closed: the file ends before its ']'");
}
