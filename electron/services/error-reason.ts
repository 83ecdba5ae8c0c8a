/**
 * What a thrown value says went wrong, never empty: an empty reason reaches the user as
 * "failed:" and nothing after the colon. Anything can be thrown, and a worker's 'error' event
 * hands over whatever its thread threw, Error or not.
 */
export function errorReason(error: unknown): string {
  if (!(error instanceof Error)) return `a non-error was thrown: ${String(error) || typeof error}`;
  return error.message.trim() === '' ? `${error.name} with no message` : error.message;
}
