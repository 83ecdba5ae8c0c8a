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

/**
 * Inserts audit rows into an import's database, telling an event seen twice (same seq, same
 * hash: overlapping exports) from a conflicting one (same seq or id, different event), which it
 * names by the file and line that brought the first.
 */
export class AuditRowsWriter {
  private readonly insert;
  private readonly bySeq;
  private readonly byId;
  private readonly origins: SeqLineIndex[] = [];
  private readonly fileNames: string[] = [];
  /** The parameters of one insert (the fields, then raw's bytes), reused row after row. */
  private readonly row: Array<SqlValue | Uint8Array> = new Array<SqlValue | Uint8Array>(fieldCount + 1);

  constructor(db: Database) {
    this.insert = packedAuditRowInsert(db, 'ON CONFLICT DO NOTHING');
    this.bySeq = db.prepare('SELECT id, hash FROM audit_events WHERE seq = ?');
    this.byId = db.prepare('SELECT seq FROM audit_events WHERE id = ?').pluck();
  }

  /** Rows that follow come from this file. */
  startFile(name: string): void {
    this.fileNames.push(name);
    this.origins.push(new SeqLineIndex());
  }

  /** Writes the next of `rows`, which the file has on `line`. */
  write(rows: PackedRowsReader, line: number): RowOutcome {
    const row = this.row;
    row[fieldCount] = rows.next(row);
    const seq = row[seqColumn] as number;
    if (this.insert.run(row).changes === 1) {
      this.origins.at(-1)!.add(seq, line);
      return { kind: 'inserted' };
    }
    const sameSeq = this.bySeq.get(seq) as { id: string; hash: string } | undefined;
    if (sameSeq !== undefined) {
      if (sameSeq.hash === row[hashColumn] && sameSeq.id === row[idColumn]) return { kind: 'duplicate' };
      return { kind: 'conflict', reason: `seq ${seq} conflicts with ${this.origin(seq)}` };
    }
    const otherSeq = this.byId.get(row[idColumn]) as number;
    return { kind: 'conflict', reason: `id ${String(row[idColumn])} is already seq ${otherSeq}, ${this.origin(otherSeq)}` };
  }

  private origin(seq: number): string {
    for (let file = this.origins.length - 1; file >= 0; file--) {
      const line = this.origins[file]!.lineOf(seq);
      if (line !== undefined) return `line ${line} of ${this.fileNames[file]}`;
    }
    throw new Error(`seq ${seq} is in the database but no file brought it`);
  }
}
