import { z } from 'zod';
import { auditEvent } from '../../../shared/ops-api/audit.ts';
import { isAuditEvent } from '../../../shared/ops-api/audit-event-check.ts';
import type { AuditEvent } from '../../../shared/ops-api/index.ts';
import { auditEvents } from '../cache/append-audit-page.ts';
import type { SqlValue } from '../cache/synced-rows.ts';
import { csvRowEvent } from './csv-event.ts';

/** Records of one file to parse and validate, in file order. */
export type RecordWork =
  /** Whole NDJSON lines as UTF-8, the first being line firstLine. */
  | { kind: 'ndjson'; firstLine: number; bytes: Uint8Array }
  /** Elements of a JSON array, each with the line it starts on. */
  | { kind: 'json'; lines: number[]; texts: string[] }
  /** CSV export rows as cells, each with the line it starts on. */
  | { kind: 'csv'; lines: number[]; rows: string[][] };

/** Per record (blank NDJSON lines are none): its line, and null when it is valid or why not. */
export interface ReadRecords {
  lines: number[];
  reasons: Array<string | null>;
  /** The audit_events columns of each valid record but raw, fieldCount values apiece, in order. */
  values: SqlValue[];
  /**
   * Each valid record's raw text, joined by NUL, which no JSON text holds unescaped. One string
   * crosses from a worker thread several times faster than an array of them.
   */
  raws: string;
}

/** Every audit_events column but raw, which travels apart (see ReadRecords.raws). */
export const fieldColumns = auditEvents.columns.filter((column) => column !== 'raw');
export const fieldCount = fieldColumns.length;
export const rawSeparator = '\0';

/** A CSV row carries no hashes: the rebuilt event has '' for both. */
const csvEvent = auditEvent.extend({ prev_hash: z.literal(''), hash: z.literal('') });

export function readRecords(work: RecordWork): ReadRecords {
  const read: ReadRecords = { lines: [], reasons: [], values: [], raws: '' };
  const raws: string[] = [];
  if (work.kind === 'ndjson') {
    const texts = Buffer.from(work.bytes.buffer, work.bytes.byteOffset, work.bytes.byteLength).toString('utf8').split('\n');
    if (texts.at(-1) === '') texts.pop();
    texts.forEach((line, index) => {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (!/^\s*$/.test(text)) readJson(read, raws, work.firstLine + index, text);
    });
  } else if (work.kind === 'json') {
    work.texts.forEach((text, index) => readJson(read, raws, work.lines[index]!, text));
  } else {
    work.rows.forEach((cells, index) => {
      const event = csvRowEvent(cells);
      if (typeof event === 'string') add(read, raws, work.lines[index]!, event);
      else add(read, raws, work.lines[index]!, validated(csvEvent, event), JSON.stringify(event));
    });
  }
  read.raws = raws.join(rawSeparator);
  return read;
}

function readJson(read: ReadRecords, raws: string[], line: number, text: string): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    add(read, raws, line, `not JSON: ${(error as Error).message}`);
    return;
  }
  // The schema runs only when the fast check says no, for its message.
  add(read, raws, line, isAuditEvent(value) ? value : validated(auditEvent, value), text);
}

function add(read: ReadRecords, raws: string[], line: number, event: AuditEvent | string, raw?: string): void {
  read.lines.push(line);
  if (typeof event === 'string') {
    read.reasons.push(event);
    return;
  }
  read.reasons.push(null);
  const row = auditEvents.row({ raw: raw!, event }, 0);
  for (const name of fieldColumns) read.values.push(row[name] ?? null);
  raws.push(raw!);
}

/** The event, or the first problem as "field 'actor.id': expected string". */
function validated(schema: z.ZodType<AuditEvent>, value: unknown): AuditEvent | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const parsed = schema.safeParse(value, { error: issueText });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return issue.path.length === 0 ? issue.message : `field '${issue.path.join('.')}': ${issue.message}`;
}

function issueText(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  return issue.input === undefined ? 'missing' : `expected ${issue.expected}`;
}
