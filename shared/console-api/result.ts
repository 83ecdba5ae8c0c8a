import { z } from 'zod';

/** Why a console call failed, as both hosts report it. */
export const consoleErrorCode = z.enum([
  'unknown-method',
  'invalid-input',
  'invalid-output',
  'forbidden',
  /** A host-specific method called in a host that does not serve it (the updater in a browser). */
  'not-available',
  'failed',
]);
export type ConsoleErrorCode = z.infer<typeof consoleErrorCode>;

export const consoleFailure = z.object({
  ok: z.literal(false),
  error: z.object({ code: consoleErrorCode, message: z.string() }),
});
export type ConsoleFailure = z.infer<typeof consoleFailure>;

/** The envelope every console call answers with, over IPC and HTTP alike. */
export const consoleResult = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  consoleFailure,
]);
export type ConsoleResult = z.infer<typeof consoleResult>;

export function failure(code: ConsoleErrorCode, message: string): ConsoleFailure {
  return { ok: false, error: { code, message } };
}

/** Thrown on the renderer side when a console call comes back as a failure. */
export class ConsoleCallError extends Error {
  readonly code: ConsoleErrorCode;
  constructor(method: string, failed: ConsoleFailure) {
    super(failed.error.message);
    this.name = 'ConsoleCallError';
    this.code = failed.error.code;
    this.method = method;
  }
  readonly method: string;
}
