import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { operations, problem } from '../shared/ops-api/index.ts';
import type { Operation } from '../shared/ops-api/index.ts';

const errorResponses: Record<number, string> = {
  401: 'Missing or unknown bearer token.',
  403: 'The token lacks the scope this operation needs; `detail` names it.',
  404: 'No such resource.',
  409: 'The request conflicts with the resource state, or an Idempotency-Key was reused for a different request.',
  422: 'Invalid parameters or body; `detail` says which.',
  429: 'Too many requests; retry after the `Retry-After` header (seconds).',
};

const idempotencyKey = z.string().min(1).max(255).optional().meta({ description: 'The same key within 24 h returns the first result instead of repeating the mutation.' });

/** The OpenAPI 3.1 document of the Ops API, generated from the zod schemas in shared/ops-api. */
export function buildOpenApiDocument(version: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'An Ops API token; its scopes are listed by GET /v1/me.' });
  for (const [operationId, operation] of Object.entries(operations) as Array<[string, Operation]>) {
    const pathParams = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    const errors = [401, 403, 404, 409, 422, 429].filter((status) => applies(status, operation, pathParams.length > 0));
    registry.registerPath({
      method: operation.method,
      path: operation.path,
      operationId,
      summary: operation.summary,
      description: describe(operation),
      tags: [tagOf(operation)],
      security: operation.scope === null ? [] : [{ bearer: [] }],
      request: {
        params: pathParams.length ? z.object(Object.fromEntries(pathParams.map((name) => [name, z.string().min(1)]))) : undefined,
        query: Object.keys(operation.query.shape).length ? operation.query : undefined,
        headers: operation.method === 'get' ? undefined : z.object({ 'Idempotency-Key': idempotencyKey }),
        body: operation.body ? { required: true, content: { 'application/json': { schema: operation.body } } } : undefined,
      },
      responses: {
        [operation.status]: operation.response
          ? { description: 'Success.', content: { 'application/json': { schema: operation.response } } }
          : { description: 'Done; no content.' },
        ...Object.fromEntries(
          errors.map((status) => [
            status,
            {
              description: errorResponses[status]!,
              headers: status === 429 ? { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 1 } } } : undefined,
              content: { 'application/problem+json': { schema: problem } },
            },
          ]),
        ),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Ops API',
      version,
      description: 'The HTTP contract between a multi-tenant SaaS platform and the Opsdeck console. See docs/ops-api.md for auth, pagination, errors, idempotency and the audit hash chain.',
      contact: { name: 'Opsdeck', url: 'https://opsdeck.dev' },
    },
    servers: [{ url: 'http://127.0.0.1:4010', description: 'The reference platform (npx opsdeck demo-platform)' }],
    tags: Object.entries(tags).map(([name, description]) => ({ name, description })),
  });
}

const tags = {
  platform: 'Status and the calling token.',
  audit: 'The audit trail: sync feed, search, keys, support access.',
  queues: 'Job queues: counts, metrics history, jobs, retry and pause.',
  tenants: 'Tenants and their usage.',
  billing: 'Subscriptions, invoices and MRR.',
  connectors: 'Connectors, per-tenant connections and their sync runs.',
};

function tagOf(operation: Operation): keyof typeof tags {
  const segment = operation.path.split('/')[2]!;
  if (segment === 'status' || segment === 'me') return 'platform';
  if (segment.startsWith('audit') || segment === 'support-access') return 'audit';
  if (segment === 'connections') return 'connectors';
  return segment as keyof typeof tags;
}

function applies(status: number, operation: Operation, hasPathParams: boolean): boolean {
  if (status === 401) return operation.scope !== null;
  if (status === 403) return operation.scope !== null && operation.scope !== 'any';
  if (status === 404) return hasPathParams;
  if (status === 409) return operation.method !== 'get';
  if (status === 422) return Object.keys(operation.query.shape).length > 0 || operation.body !== undefined;
  return operation.scope !== null;
}

function describe(operation: Operation): string {
  if (operation.scope === null) return 'No authentication.';
  if (operation.scope === 'any') return 'Any valid token.';
  return `Requires the scope \`${operation.scope}\`.`;
}
