import { z } from 'zod';

export const scope = z.enum([
  'audit:read',
  'queues:read',
  'queues:write',
  'tenants:read',
  'billing:read',
  'connectors:read',
  'connectors:write',
  'support:write',
]);
export type Scope = z.infer<typeof scope>;
export const allScopes: readonly Scope[] = scope.options;

export const me = z
  .object({
    subject: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    scopes: z.array(scope),
    platform: z.object({ name: z.string(), environment: z.string() }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;
