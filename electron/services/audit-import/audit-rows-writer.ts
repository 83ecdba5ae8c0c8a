import type { Database } from 'better-sqlite3';
import { SeqLineIndex } from '../audit/seq-line-index.ts';
import type { SqlValue } from '../cache/synced-rows.ts';
import { fieldColumns, fieldCount, packedAuditRowInsert } from '../cache/packed-audit-rows.ts';
import type { PackedRowsReader } from '../cache/packed-rows.ts';

const seqColumn = fieldColumns.indexOf('seq');
const idColumn = fieldColumns.indexOf('id');
const hashColumn = fieldColumns.indexOf('hash');

/** What became of one record: written, the copy of one already written, or why it conflicts with that one. */
export type RowOutcome = { kind: 'inserted' } | { kind: 'duplicate' } | { kind: 'conflict'; reason: string };

export interface LineOutcome {
  line: number;
  outcome: RowOutcome;
}

/** Rows per insert statement: one statement for many rows costs ~15% less a row than one each. */
const batchRows = 32;
/** An insert's parameters for one row: the fields, then raw's bytes. */
const rowParams = fieldCount + 1;
const inserted: RowOutcome = { kind: 'inserted' };

/**
 * Inserts audit rows into an import's database, telling an event seen twice (same seq, same
 * hash: overlapping exports) from a conflicting one (same seq or id, different event), which it
 * names by the file and line that brought the first. Rows are written a batch at a time; a
 * batch that does not go in whole is undone and written again row by row, each row's outcome
 * told apart.
 */
export class AuditRowsWriter {
  private readonly insertBatch;
  private readonly insertRow;
  private readonly bySeq;
  private readonly byId;
  private readonly savepoint;
  private readonly release;
  private readonly rollBack;
  private readonly origins: SeqLineIndex[] = [];
  private readonly fileNames: string[] = [];
  /** The rows taken and not written yet: their parameters back to back, and their lines. */
  private readonly params: Array<SqlValue | Uint8Array> = new Array<SqlValue | Uint8Array>(batchRows * rowParams);
  private readonly lines: number[] = [];
  private readonly row: Array<SqlValue | Uint8Array> = new Array<SqlValue | Uint8Array>(rowParams);

  constructor(db: Database) {
    this.insertBatch = packedAuditRowInsert(db, { rows: batchRows, conflict: 'ON CONFLICT DO NOTHING' });
    this.insertRow = packedAuditRowInsert(db, { conflict: 'ON CONFLICT DO NOTHING' });
    this.bySeq = db.prepare('SELECT id, hash FROM audit_events WHERE seq = ?');
    this.byId = db.prepare('SELECT seq FROM audit_events WHERE id = ?').pluck();
    this.savepoint = db.prepare('SAVEPOINT audit_rows');
    this.release = db.prepare('RELEASE audit_rows');
    this.rollBack = db.prepare('ROLLBACK TO audit_rows');
  }

  /** Rows that follow come from this file (the rows of the one before must have been flushed). */
  startFile(name: string): void {
    this.fileNames.push(name);
    this.origins.push(new SeqLineIndex());
  }

  /** Takes the next of `rows`, which the file has on `line`; returns the outcomes of the rows written by this call, in order. */
  add(rows: PackedRowsReader, line: number): LineOutcome[] {
    const row = this.row;
    row[fieldCount] = rows.next(row);
    const at = this.lines.length * rowParams;
    for (let index = 0; index < rowParams; index++) this.params[at + index] = row[index]!;
    this.lines.push(line);
    return this.lines.length === batchRows ? this.flush() : [];
  }

  /** Writes the rows taken and not written yet; returns their outcomes, in order. */
  flush(): LineOutcome[] {
    const lines = this.lines.splice(0);
    if (lines.length === batchRows) {
      this.savepoint.run();
      const whole = this.insertBatch.run(this.params).changes === batchRows;
      if (!whole) this.rollBack.run();
      this.release.run();
      if (whole) return lines.map((line, index) => this.inserted(this.params[index * rowParams + seqColumn] as number, line));
    }
    return lines.map((line, index) => this.writeRow(this.params.slice(index * rowParams, (index + 1) * rowParams), line));
  }

  private writeRow(row: Array<SqlValue | Uint8Array>, line: number): LineOutcome {
    const seq = row[seqColumn] as number;
    if (this.insertRow.run(row).changes === 1) return this.inserted(seq, line);
    const sameSeq = this.bySeq.get(seq) as { id: string; hash: string } | undefined;
    if (sameSeq !== undefined) {
      if (sameSeq.hash === row[hashColumn] && sameSeq.id === row[idColumn]) return { line, outcome: { kind: 'duplicate' } };
      return { line, outcome: { kind: 'conflict', reason: `seq ${seq} conflicts with ${this.origin(seq)}` } };
    }
    const otherSeq = this.byId.get(row[idColumn]) as number;
    return { line, outcome: { kind: 'conflict', reason: `id ${String(row[idColumn])} is already seq ${otherSeq}, ${this.origin(otherSeq)}` } };
  }

  private inserted(seq: number, line: number): LineOutcome {
    this.origins.at(-1)!.add(seq, line);
    return { line, outcome: inserted };
  }

  private origin(seq: number): string {
    for (let file = this.origins.length - 1; file >= 0; file--) {
      const line = this.origins[file]!.lineOf(seq);
      if (line !== undefined) return `line ${line} of ${this.fileNames[file]}`;
    }
    throw new Error(`seq ${seq} is in the database but no file brought it`);
  }
}
