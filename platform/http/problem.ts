import type { ServerResponse } from 'node:http';
import type { Problem } from '../../shared/ops-api/index.ts';

/** Where the problem types are documented (docs/ops-api.md#errors). */
const typeBase = 'https://opsdeck.dev/problems/';

/** An error that becomes an application/problem+json response. */
export class ProblemError extends Error {
  override name = 'ProblemError';

  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${title}: ${detail}`);
  }

  toProblem(): Problem {
    return { type: typeBase + this.slug, title: this.title, status: this.status, detail: this.detail };
  }
}

export const unauthorized = (detail: string) => new ProblemError(401, 'unauthorized', 'Unauthorized', detail, { 'WWW-Authenticate': 'Bearer realm="ops-api"' });
export const forbidden = (scope: string) => new ProblemError(403, 'missing-scope', 'Forbidden', `This token lacks the scope '${scope}'.`);
export const notFound = (detail: string) => new ProblemError(404, 'not-found', 'Not Found', detail);
export const methodNotAllowed = (detail: string) => new ProblemError(405, 'method-not-allowed', 'Method Not Allowed', detail);
export const conflict = (detail: string) => new ProblemError(409, 'conflict', 'Conflict', detail);
export const invalidParameters = (detail: string) => new ProblemError(422, 'invalid-parameters', 'Invalid Parameters', detail);
export const payloadTooLarge = (detail: string) => new ProblemError(413, 'payload-too-large', 'Payload Too Large', detail);

export function sendProblem(res: ServerResponse, error: ProblemError): void {
  const body = JSON.stringify(error.toProblem());
  res.writeHead(error.status, { ...error.headers, 'Content-Type': 'application/problem+json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
