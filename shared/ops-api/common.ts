import { z } from 'zod';

/** ISO-8601 UTC with milliseconds, e.g. 2026-11-23T17:42:54.123Z. */
export const isoTime = z.iso.datetime({ precision: 3 }).meta({ example: '2026-11-23T17:42:54.123Z' });

/** A calendar month, e.g. 2026-11. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).meta({ example: '2026-11' });

/** ISO 4217, lower case. */
export const currency = z.string().regex(/^[a-z]{3}$/).meta({ example: 'usd' });

/** Money is integer minor units. */
export const cents = z.number().int();

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** RFC 9457 problem details: every error the Ops API returns. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problem>;

/** Every cursor-paginated list: a page of items and the cursor of the next page. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next_cursor: z.string().nullable() });
}
export interface ListPage<T> {
  data: T[];
  next_cursor: string | null;
}

export const limitParam = z.coerce.number().int().min(1).max(1000).default(100);

/** The query members every cursor-paginated list accepts. */
export const pageQuery = z.object({
  limit: limitParam,
  cursor: z.string().min(1).optional(),
});

/** Queries that take no parameters (unknown ones are ignored, as everywhere). */
export const nothing = z.object({});
