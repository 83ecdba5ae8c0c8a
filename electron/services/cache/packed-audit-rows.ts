import type { Database, Statement } from 'better-sqlite3';
import type { AuditEvent } from '../../../shared/ops-api/index.ts';
import { auditEvents } from './append-audit-page.ts';
import { PackedRowsReader, RowPacker } from './packed-rows.ts';
import type { PackedRows } from './packed-rows.ts';
import { markSynced } from './sync-state.ts';

/** Every audit_events column but raw, which travels apart as UTF-8 (see PackedRows.raw). */
export const fieldColumns = auditEvents.columns.filter((column) => column !== 'raw');
export const fieldCount = fieldColumns.length;
const seqColumn = fieldColumns.indexOf('seq');
const idColumn = fieldColumns.indexOf('id');

/** Audit events as packed audit_events rows, each with its raw text at [rawStart, rawEnd) of pack()'s bytes. */
export class AuditRowPacker {
  private readonly rows = new RowPacker();

  add(event: AuditEvent, rawStart: number, rawEnd: number): void {
    const row = auditEvents.row({ raw: '', event }, 0);
    for (const name of fieldColumns) this.rows.value(row[name] ?? null);
    this.rows.endRow(rawStart, rawEnd);
  }

  pack(raw: Uint8Array): PackedRows {
    return this.rows.pack(raw);
  }
}

export function packedRowCount(rows: PackedRows): number {
  return rows.rawBounds.length / 2;
}

/**
 * The insert of `rows` packed rows: each its fields, then raw's bytes, bound as a blob and cast
 * (making a JS string of raw, for SQLite to encode back, costs ~1 µs a row). `conflict` is an
 * optional ON CONFLICT clause.
 */
export function packedAuditRowInsert(db: Database, { rows = 1, conflict = '' }: { rows?: number; conflict?: string } = {}): Statement {
  const values = `(${fieldColumns.map(() => '?').join(', ')}, CAST(? AS TEXT))`;
  return db.prepare(`INSERT INTO audit_events (${fieldColumns.join(', ')}, raw) VALUES ${Array<string>(rows).fill(values).join(', ')} ${conflict}`);
}

/** An event whose id an earlier cached event already has. */
export interface RepeatedId {
  seq: number;
  id: string;
  firstSeq: number;
}

/**
 * Appends feed pages of packed rows (ascending seq, chain already checked) and moves the audit
 * cursor to the last row written, in one transaction. A row whose id is already cached stops
 * the append there: the rows before it are written with their cursor, and it is returned.
 */
export function appendPackedAuditRows(db: Database, pages: readonly PackedRows[], at = Date.now()): { written: number; repeated: RepeatedId | null } {
  const insert = packedAuditRowInsert(db);
  const row: unknown[] = new Array<unknown>(fieldCount + 1);
  return db.transaction(() => {
    let written = 0;
    let lastSeq: number | null = null;
    let repeated: RepeatedId | null = null;
    pages: for (const page of pages) {
      const reader = new PackedRowsReader(page, fieldCount);
      for (let index = packedRowCount(page); index > 0; index--) {
        row[fieldCount] = reader.next(row);
        try {
          insert.run(row);
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
          repeated = repeatedId(db, row[seqColumn] as number, row[idColumn] as string);
          break pages;
        }
        lastSeq = row[seqColumn] as number;
        written++;
      }
    }
    if (lastSeq !== null) markSynced(db, { resource: 'audit', cursor: String(lastSeq), at });
    return { written, repeated };
  })();
}

/** The repeat of `id` at `seq`, with the seq that has it first (by the id index, or a scan without one). */
export function repeatedId(db: Database, seq: number, id: string): RepeatedId {
  const firstSeq = db.prepare('SELECT min(seq) FROM audit_events WHERE id = ? AND seq <> ?').pluck().get(id, seq) as number;
  return { seq, id, firstSeq };
}
