import { isUtf8 } from 'node:buffer';
import { z } from 'zod';
import { auditEvent } from '../../../shared/ops-api/audit.ts';
import { isAuditEvent } from '../../../shared/ops-api/audit-event-check.ts';
import type { AuditEvent } from '../../../shared/ops-api/index.ts';
import { AuditRowPacker } from '../cache/packed-audit-rows.ts';
import type { PackedRows } from '../cache/packed-rows.ts';
import { csvRowEvent } from './csv-event.ts';
import { jsonErrorMessage } from '../audit/json-error-position.ts';
import { maxJsonNesting, nestsTooDeep } from '../audit/json-nesting.ts';

/** An array, its elements taken as they are. */
function arrayOf<T>() {
  return z.custom<T[]>((value) => Array.isArray(value), 'not an array');
}

/**
 * Records of one file to parse and validate, in file order. Checked as a whole when it reaches
 * a record reader, never record by record: checking every cell of a CSV batch cost a tenth of
 * reading it.
 */
export const recordWork = z.discriminatedUnion('kind', [
  /** Whole NDJSON lines as UTF-8, the first being line firstLine. */
  z.object({ kind: z.literal('ndjson'), firstLine: z.number().int().positive(), bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'not a Uint8Array') }),
  /** Elements of a JSON array, each with the line it starts on. */
  z.object({ kind: z.literal('json'), lines: arrayOf<number>(), texts: arrayOf<string>() }),
  /** CSV export rows as cells, each with the line it starts on. */
  z.object({ kind: z.literal('csv'), lines: arrayOf<number>(), rows: arrayOf<string[]>() }),
]);

export type RecordWork = z.output<typeof recordWork>;

/** Per record (blank NDJSON lines are none): its line, and null when it is valid or why not. */
export interface ReadRecords {
  lines: number[];
  reasons: Array<string | null>;
  /** Each valid record's audit_events columns but raw (fieldColumns), in order, with its raw text. */
  rows: PackedRows;
}

/** A CSV row carries no hashes: the rebuilt event has '' for both. */
const csvEvent = auditEvent.extend({ prev_hash: z.literal(''), hash: z.literal('') });
const encoder = new TextEncoder();
const lineBreak = 0x0a;

export function readRecords(work: RecordWork): ReadRecords {
  if (work.kind === 'ndjson') return readNdjson(work.firstLine, Buffer.from(work.bytes.buffer, work.bytes.byteOffset, work.bytes.byteLength));
  const records = new Records();
  const raws: string[] = [];
  let rawEnd = 0;
  const add = (line: number, event: AuditEvent | string, raw: string) => {
    const rawStart = rawEnd;
    if (typeof event !== 'string') {
      raws.push(raw);
      rawEnd += Buffer.byteLength(raw);
    }
    records.add(line, event, rawStart, rawEnd);
  };
  if (work.kind === 'json') {
    work.texts.forEach((text, index) => add(work.lines[index]!, parsedEvent(text), text));
  } else {
    work.rows.forEach((cells, index) => {
      const event = csvRowEvent(cells);
      if (typeof event === 'string') add(work.lines[index]!, event, '');
      else add(work.lines[index]!, validated(csvEvent, event), JSON.stringify(event));
    });
  }
  return records.read(encoder.encode(raws.join('')));
}

/**
 * Each line's raw text is its bytes (CRLF line ends are LF by now: openNdjsonLines), so they
 * cross back to be stored as they are. Lines are decoded one by one: short strings die young,
 * where decoding the whole batch made a large one per batch that the old generation had to collect.
 */
function readNdjson(firstLine: number, input: Buffer): ReadRecords {
  // Stored raw texts are the UTF-8 of the text read: invalid bytes as replacement characters, as before.
  const bytes = isUtf8(input) ? input : Buffer.from(encoder.encode(input.toString('utf8')).buffer);
  const records = new Records();
  for (let start = 0, line = firstLine; start < bytes.length; line++) {
    const lineEnd = bytes.indexOf(lineBreak, start);
    const end = lineEnd < 0 ? bytes.length : lineEnd;
    const text = bytes.toString('utf8', start, end);
    if (!/^\s*$/.test(text)) records.add(line, parsedEvent(text), start, end);
    start = end + 1;
  }
  return records.read(bytes);
}

/** What readRecords gathers: every record's line and reason, the valid ones' rows packed. */
class Records {
  private readonly lines: number[] = [];
  private readonly reasons: Array<string | null> = [];
  private readonly rows = new AuditRowPacker();

  /** A record on `line`: the event, or why it is invalid; a valid one's raw text is at [rawStart, rawEnd) of read()'s bytes. */
  add(line: number, event: AuditEvent | string, rawStart: number, rawEnd: number): void {
    this.lines.push(line);
    if (typeof event === 'string') {
      this.reasons.push(event);
      return;
    }
    this.reasons.push(null);
    this.rows.add(event, rawStart, rawEnd);
  }

  read(raw: Uint8Array): ReadRecords {
    return { lines: this.lines, reasons: this.reasons, rows: this.rows.pack(raw) };
  }
}

function parsedEvent(text: string): AuditEvent | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${jsonErrorMessage(text, error as Error)}`;
  }
  if (nestsTooDeep(value, text)) return `nested deeper than ${maxJsonNesting} levels, more than the cache's JSON reads`;
  // The schema runs only when the fast check says no, for its message.
  return isAuditEvent(value) ? value : validated(auditEvent, value);
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
