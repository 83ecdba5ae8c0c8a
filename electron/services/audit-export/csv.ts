import type { AuditRow } from '../../../shared/console-api/index.ts';

export const csvColumns: Array<[header: string, value: (row: AuditRow) => string | number | null]> = [
  ['seq', (row) => row.seq],
  ['id', (row) => row.id],
  ['occurred_at', (row) => row.occurredAt],
  ['tenant_id', (row) => row.tenantId],
  ['actor_type', (row) => row.actorType],
  ['actor_id', (row) => row.actorId],
  ['actor_email', (row) => row.actorEmail],
  ['actor_name', (row) => row.actorName],
  ['action', (row) => row.action],
  ['target_type', (row) => row.targetType],
  ['target_id', (row) => row.targetId],
  ['target_name', (row) => row.targetName],
  ['outcome', (row) => row.outcome],
  ['ip', (row) => row.ip],
  ['request_id', (row) => row.requestId],
];

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * carriage return) gets a leading apostrophe, so opening an export can never execute it.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: Array<string | number | null>): string {
  return cells.map(csvCell).join(',');
}
