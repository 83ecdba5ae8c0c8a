import { StringDecoder } from 'node:string_decoder';
import { formatBytes } from '../../../shared/format-bytes.ts';
import { inputLimits } from '../audit/input-limits.ts';
import { ImportError } from './import-error.ts';

/** CSV records as cells, each with the line it starts on. */
export interface CsvRows {
  lines: number[];
  rows: string[][];
}

/**
 * Splits CSV (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; lines end
 * in LF or CRLF) into records as the bytes stream in. The header record is left in. A record
 * longer than inputLimits.recordBytes is an ImportError.
 */
export async function* csvRows(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<CsvRows> {
  const decoder = new StringDecoder('utf8');
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  /** The previous character was the quote that ends a quoted cell, or the first of a doubled one. */
  let quoteSeen = false;
  let out: CsvRows = { lines: [], rows: [] };
  let pending = false;
  /** Characters of the record so far: each is at least a byte. */
  let rowLength = 0;

  const endRow = () => {
    cells.push(cell);
    out.lines.push(rowLine);
    out.rows.push(cells);
    cells = [];
    cell = '';
    pending = false;
    rowLength = 0;
  };

  const consume = (text: string) => {
    for (let at = 0; at < text.length; at++) {
      if (++rowLength > inputLimits.recordBytes) {
        throw new ImportError(name, rowLine, `refused: the row is longer than ${formatBytes(inputLimits.recordBytes)}, far more than any audit event (is a quoted cell left open?)`);
      }
      const char = text[at]!;
      if (quoted) {
        if (char === '"') {
          quoted = false;
          quoteSeen = true;
        } else {
          cell += char;
          if (char === '\n') line++;
        }
        continue;
      }
      if (char === '"') {
        if (quoteSeen) cell += '"';
        else if (cell !== '') throw new ImportError(name, line, 'a quote inside an unquoted CSV cell');
        quoted = true;
        quoteSeen = false;
        pending = true;
        continue;
      }
      quoteSeen = false;
      if (char === ',') {
        cells.push(cell);
        cell = '';
        pending = true;
      } else if (char === '\n') {
        if (cell.endsWith('\r')) cell = cell.slice(0, -1);
        endRow();
        rowLine = ++line;
      } else {
        cell += char;
        pending = true;
      }
    }
  };

  for await (const chunk of chunks) {
    consume(decoder.write(chunk));
    if (out.rows.length > 0) {
      yield out;
      out = { lines: [], rows: [] };
    }
  }
  consume(decoder.end());
  if (quoted) throw new ImportError(name, rowLine, 'a quoted CSV cell is not closed before the end of the file');
  if (pending) endRow();
  if (out.rows.length > 0) yield out;
}
