import { isUtf8 } from 'node:buffer';
import { hasLoneSurrogate } from '../../../shared/audit/canonical-json.ts';
import { readEventLine } from './event-line.ts';
import { countLineBreaks } from './ndjson-lines.ts';
import type { LineBatch, LineBytes } from './ndjson-lines.ts';
import { PackedReadsBuilder } from './packed-reads.ts';
import type { PackedReads } from './packed-reads.ts';
import { readPlainEventLine } from './plain-event-line.ts';

/** Lines as one thread reads them: whole lines in UTF-8, or texts that cannot be put so. */
export type LineInput = { bytes: Uint8Array; lineCount: number } | { texts: string[] };

/** Parses and hashes every line, the plain ones on the fast path straight from their bytes. */
export function readLines(input: LineInput): PackedReads {
  if ('texts' in input) {
    const reads = new PackedReadsBuilder(input.texts.length);
    for (const text of input.texts) reads.add(readEventLine(text));
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
    reads.add(plain ?? readEventLine(bytes.toString('utf8', start, end)));
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
  if (hasLoneSurrogate(joined)) return { texts: batch.texts };
  const bytes = Buffer.from(joined);
  if (countLineBreaks(bytes) !== Math.max(batch.texts.length - 1, 0)) return { texts: batch.texts };
  return { bytes, lineCount: batch.texts.length };
}
