import type { SqlValue } from '../cache/synced-rows.ts';

/**
 * Rows of SQL values, each with a raw text as UTF-8, packed to cross from a worker thread as
 * one string and a few typed arrays (transferred, not copied). Cloning an array of values and
 * a string per row cost ~4 µs a row between the two threads; this costs a fraction of that.
 */
export interface PackedRows {
  /** Every string value, back to back. */
  texts: string;
  /** Per row, per value: where it ends in `texts`, or nullValue, or numberValue (the next of `numbers`). */
  ends: Int32Array;
  numbers: Float64Array;
  /** Row i's raw text is raw[rawBounds[2i] .. rawBounds[2i + 1]). */
  raw: Uint8Array;
  rawBounds: Int32Array;
}

const nullValue = -1;
const numberValue = -2;

/** Builds PackedRows a value at a time. */
export class RowPacker {
  private texts = '';
  private readonly ends: number[] = [];
  private readonly numbers: number[] = [];
  private readonly rawBounds: number[] = [];

  value(value: SqlValue): void {
    if (value === null) {
      this.ends.push(nullValue);
    } else if (typeof value === 'number') {
      this.ends.push(numberValue);
      this.numbers.push(value);
    } else {
      this.texts += value;
      this.ends.push(this.texts.length);
    }
  }

  /** Ends the row whose values came since the last, its raw text being raw[rawStart .. rawEnd) of pack()'s raw. */
  endRow(rawStart: number, rawEnd: number): void {
    this.rawBounds.push(rawStart, rawEnd);
  }

  pack(raw: Uint8Array): PackedRows {
    return { texts: this.texts, ends: Int32Array.from(this.ends), numbers: Float64Array.from(this.numbers), raw, rawBounds: Int32Array.from(this.rawBounds) };
  }
}

/** The buffers postMessage can move rather than copy (raw's is the worker's own: it arrived transferred or cloned). */
export function packedBuffers(rows: PackedRows): ArrayBuffer[] {
  return [rows.ends.buffer, rows.numbers.buffer, rows.raw.buffer, rows.rawBounds.buffer] as ArrayBuffer[];
}

/** Reads PackedRows back in order, a row at a time. */
export class PackedRowsReader {
  private row = 0;
  private valueAt = 0;
  private textAt = 0;
  private numberAt = 0;

  constructor(
    private readonly rows: PackedRows,
    private readonly valueCount: number,
  ) {}

  /** Puts the next row's values in into[0 .. valueCount) and returns its raw text's bytes. */
  next(into: unknown[]): Uint8Array {
    const { texts, ends, numbers, raw, rawBounds } = this.rows;
    for (let index = 0; index < this.valueCount; index++) {
      const end = ends[this.valueAt++]!;
      if (end === nullValue) into[index] = null;
      else if (end === numberValue) into[index] = numbers[this.numberAt++]!;
      else {
        into[index] = texts.slice(this.textAt, end);
        this.textAt = end;
      }
    }
    const row = this.row++;
    return raw.subarray(rawBounds[2 * row], rawBounds[2 * row + 1]);
  }
}
