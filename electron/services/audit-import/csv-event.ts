import { csvColumns } from '../audit-export/csv.ts';

/** The header line of Opsdeck's CSV export, which tells a CSV file apart from NDJSON. */
export const csvHeader = csvColumns.map(([header]) => header);

const column = Object.fromEntries(csvHeader.map((header, index) => [header, index])) as Record<string, number>;
/** A formula the export neutralised: csvCell put an apostrophe before it. */
const neutralised = /^'[=+\-@\t\r]/;

/**
 * The event a CSV export row describes, rebuilt from its columns: what the CSV does not carry
 * (user agent, changes, metadata, hashes) is null, empty or ''. Empty cells are null (the
 * export writes null and '' alike). Values stay as text where the CSV has no proof of their
 * type, so validation names the column that is wrong; a wrong cell count is returned as a reason.
 */
export function csvRowEvent(cells: string[]): Record<string, unknown> | string {
  if (cells.length !== csvHeader.length) return `expected ${csvHeader.length} cells, found ${cells.length}`;
  const cell = (name: string): string | null => {
    const text = cells[column[name]!]!;
    if (text === '') return null;
    return neutralised.test(text) ? text.slice(1) : text;
  };
  const seq = cell('seq');
  const targetType = cell('target_type');
  const targetId = cell('target_id');
  const targetName = cell('target_name');
  return {
    id: cell('id'),
    seq: seq !== null && /^\d+$/.test(seq) ? Number(seq) : seq,
    occurred_at: cell('occurred_at'),
    tenant_id: cell('tenant_id'),
    actor: { type: cell('actor_type'), id: cell('actor_id'), email: cell('actor_email'), name: cell('actor_name') },
    action: cell('action'),
    target: targetType === null && targetId === null && targetName === null ? null : { type: targetType, id: targetId, name: targetName },
    outcome: cell('outcome'),
    ip: cell('ip'),
    user_agent: null,
    request_id: cell('request_id'),
    changes: null,
    metadata: {},
    prev_hash: '',
    hash: '',
  };
}
