import {
  consoleMethods,
  describeIssues,
  failure,
  hostsOf,
  isConsoleMethod,
} from '../../shared/console-api/index.ts';
import type { ConsoleMethod, ConsoleResult, DispatchHandlers } from '../../shared/console-api/index.ts';

export type Dispatch = (method: string, rawInput: unknown) => Promise<ConsoleResult>;

/**
 * The one place a console call is checked: the method must exist, the input must parse with
 * its schema, and what the handler returns must parse with the output schema. Both hosts
 * call this; a failure becomes an envelope with a readable message, never a thrown stack. A
 * host-specific method the host has no handler for is answered here as not available.
 */
export function createDispatch(handlers: DispatchHandlers, log: (message: string) => void = console.error): Dispatch {
  return async (method, rawInput) => {
    if (!isConsoleMethod(method)) return failure('unknown-method', `Unknown console method '${method}'.`);
    const spec = consoleMethods[method];
    const handler = handlers[method] as ((input: unknown) => Promise<unknown>) | undefined;
    if (handler === undefined) return failure('not-available', notAvailable(method));
    const input = spec.input.safeParse(rawInput ?? {});
    if (!input.success) {
      return failure('invalid-input', `Invalid input for ${method}: ${describeIssues(input.error)}`);
    }
    let value: unknown;
    try {
      value = await handler(input.data);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${method} failed: ${message}`);
      return failure('failed', `${method} failed: ${message}`);
    }
    const output = spec.output.safeParse(value);
    if (!output.success) {
      log(`${method} returned an invalid result: ${describeIssues(output.error)}`);
      return failure('invalid-output', `${method} returned an invalid result; see the log.`);
    }
    return { ok: true, value: output.data };
  };
}

function notAvailable(method: ConsoleMethod): string {
  return hostsOf(method).includes('web')
    ? `${method}: not available in the desktop app, only in the browser.`
    : `${method}: not available in the browser, only in the Opsdeck desktop app.`;
}
