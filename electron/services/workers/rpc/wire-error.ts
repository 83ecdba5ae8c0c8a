import { ImportError } from '../../audit-import/import-error.ts';
import { UnreadableInputError } from '../../audit/unreadable-input-error.ts';
import { errorReason } from '../../error-reason.ts';
import { OpsApiError } from '../../ops-api/ops-api-error.ts';
import type { OpsApiErrorKind } from '../../ops-api/ops-api-error.ts';
import { IntegrityError } from '../../sync/integrity-error.ts';

/** An error as it crosses a thread: an Error's class and fields do not survive postMessage. */
export interface WireError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

/** The errors callers tell apart by class, each rebuilt from its fields on the host's side. */
const revivers: Record<string, (fields: Record<string, unknown>, message: string) => Error> = {
  IntegrityError: (f) => new IntegrityError(f.seq as number, f.id as string, f.problem as string),
  OpsApiError: (f) => new OpsApiError(f.kind as OpsApiErrorKind, f.endpoint as string, f.detail as string, f.status as number | null),
  ImportError: (f) => new ImportError(f.file as string, f.line as number | null, f.reason as string),
  UnreadableInputError: (_, message) => new UnreadableInputError(message),
  AbortError: (_, message) => new DOMException(message, 'AbortError'),
};

export function toWire(error: unknown): WireError {
  if (!(error instanceof Error) && !(error instanceof DOMException)) {
    return { name: 'Error', message: errorReason(error), fields: {} };
  }
  const fields = Object.fromEntries(Object.entries(error).filter(([key, value]) => key !== 'name' && isPlain(value)));
  return { name: error.name, message: errorReason(error), fields };
}

export function fromWire(wire: WireError): Error {
  const revive = revivers[wire.name];
  if (revive !== undefined) return revive(wire.fields, wire.message);
  const error = new Error(wire.message);
  if (wire.name !== 'Error') error.name = wire.name;
  return error;
}

function isPlain(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
