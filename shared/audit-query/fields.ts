import type { QueryField } from './ast.ts';

export interface FieldHelp {
  field: QueryField;
  example: string;
  description: string;
}

/** Every field of the audit query language, in the order the help shows them. */
export const fieldHelp: FieldHelp[] = [
  { field: 'actor', example: 'actor:jane@acme.com', description: 'who acted: user or API key id, or e-mail' },
  { field: 'tenant', example: 'tenant:acme', description: 'tenant id or slug' },
  { field: 'action', example: 'action:invoice.*', description: 'exact action, or a prefix ending in *' },
  { field: 'target', example: 'target:invoice:in_123', description: 'target as type:id, or just its id' },
  { field: 'outcome', example: 'outcome:failure,denied', description: 'success, failure or denied; commas mean either' },
  { field: 'ip', example: 'ip:10.0.0.0/8', description: 'IP address or CIDR range' },
  { field: 'request', example: 'request:req_8f2c', description: 'request id' },
  { field: 'id', example: 'id:evt_01HF3K', description: 'one event, by its id' },
  { field: 'after', example: 'after:24h', description: 'on or after a date, date-time, or relative time (30m, 24h, 7d, 2w)' },
  { field: 'before', example: 'before:2026-11-01', description: 'before a date, date-time, or relative time' },
];

export const queryFields = fieldHelp.map((help) => help.field);

export function isQueryField(name: string): name is QueryField {
  return (queryFields as string[]).includes(name);
}

export const outcomes = ['success', 'failure', 'denied'] as const;
