import { isUtf8 } from 'node:buffer';
import { hasLoneSurrogate } from '../../../shared/audit/canonical-json.ts';
import { readEventLine } from './event-line.ts';
import { countLineBreaks } from './ndjson-lines.ts';
import type { LineBatch, LineBytes } from './ndjson-lines.ts';
import { PackedReadsBuilder } from './packed-reads.ts';
import type { PackedReads } from './packed-reads.ts';
import { readPlainEventLine } from './plain-event-line.ts';
import type { LineInput } from './verify-protocol.ts';

/** Parses and hashes every line, the plain ones on the fast path straight from their bytes. */
export function readLines(input: LineInput): PackedReads {
  if ('text' in input) {
    const reads = new PackedReadsBuilder(input.ends.length);
    let start = 0;
    for (const end of input.ends) {
      reads.add(readEventLine(input.text.slice(start, end)));
      start = end + 1;
    }
    return reads.finish();
  }
  const { lineCount } = input;
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const reads = new PackedReadsBuilder(lineCount);
  const allUtf8 = isUtf8(bytes);
  let start = 0;
  for (let line = 0; line < lineCount; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const plain = allUtf8 || isUtf8(bytes.subarray(start, end)) ? readPlainEventLine(bytes, start, end) : null;
    if (plain === null) reads.add(readEventLine(bytes.toString('utf8', start, end)));
    else reads.addPlain(bytes, plain);
    start = end + 1;
  }
  return reads.finish();
}

/**
 * A batch as one string's worth of bytes when that reads the same: not when a text holds a
 * line break (it would read as two lines) or a lone surrogate (UTF-8 would replace it).
 */
export function lineInputOf(batch: LineBatch | LineBytes): LineInput {
  if ('bytes' in batch) return { bytes: batch.bytes, lineCount: batch.lineCount };
  const joined = batch.texts.join('\n');
  const asTexts = () => ({ text: joined, ends: textEnds(batch.texts) });
  if (hasLoneSurrogate(joined)) return asTexts();
  const bytes = Buffer.from(joined);
  if (countLineBreaks(bytes) !== Math.max(batch.texts.length - 1, 0)) return asTexts();
  return { bytes, lineCount: batch.texts.length };
}

/** Where each text ends once they are joined by "\n". */
function textEnds(texts: string[]): Uint32Array {
  const ends = new Uint32Array(texts.length);
  let start = 0;
  texts.forEach((text, index) => {
    ends[index] = start + text.length;
    start = ends[index] + 1;
  });
  return ends;
}
