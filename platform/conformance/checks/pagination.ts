import { z } from 'zod';
import type { Check } from '../check.ts';
import { expect, expectShape, expectStatus } from '../check.ts';
import type { Request } from '../client.ts';
import { enc, sample } from '../samples.ts';

const page = z.object({ data: z.array(z.looseObject({ id: z.string() })), next_cursor: z.string().nullable() });
const pageSize = 7;
const pagesWalked = 6;

/**
 * Lists to page through, with filters that keep them still while a live platform moves:
 * audit search up to the current head, delayed jobs, connections by insertion.
 */
const lists: Array<[name: string, pathOf: (request: Request) => Promise<string>]> = [
  ['tenants', async () => '/v1/tenants?'],
  ['connections', async () => '/v1/connections?'],
  ['connection runs', async (request) => `/v1/connections/${enc(await sample.connection(request))}/runs?`],
  ['jobs', async (request) => `/v1/queues/${enc(await sample.queue(request))}/jobs?state=delayed&`],
  [
    'audit search',
    async (request) => {
      const newest = await request('GET', '/v1/audit-events/search?limit=1');
      const at = (newest.json as { data?: Array<{ occurred_at: string }> }).data?.[0]?.occurred_at ?? new Date().toISOString();
      return `/v1/audit-events/search?to=${enc(at)}&`;
    },
  ],
];

/** Walking small pages gives exactly the items, in the order, of one big page: no duplicates, gaps or reordering. */
export const paginationChecks: Check[] = lists.map(([name, pathOf]) => ({
  name: `pagination: ${name} pages are stable, without duplicates or gaps`,
  async run({ request }) {
    const base = await pathOf(request);
    const walked: string[] = [];
    let cursor: string | null = null;
    for (let index = 0; index < pagesWalked; index++) {
      const exchange = await request('GET', `${base}limit=${pageSize}${cursor === null ? '' : `&cursor=${enc(cursor)}`}`);
      expectStatus(exchange, 200);
      const body = expectShape(exchange, page);
      expect(body.data.length <= pageSize, `${exchange.path}: ${body.data.length} items for limit=${pageSize}`);
      expect(body.next_cursor === null || body.data.length === pageSize, `${exchange.path}: a short page (${body.data.length}) still has a next_cursor`);
      walked.push(...body.data.map((item) => item.id));
      cursor = body.next_cursor;
      if (cursor === null) break;
    }
    const duplicates = walked.filter((id, index) => walked.indexOf(id) !== index);
    expect(duplicates.length === 0, `${name}: ids served twice across pages: ${[...new Set(duplicates)].slice(0, 5).join(', ')}`);
    const whole = await request('GET', `${base}limit=${walked.length || 1}`);
    expectStatus(whole, 200);
    const reference = expectShape(whole, page).data.map((item) => item.id).slice(0, walked.length);
    const firstDifference = reference.findIndex((id, index) => walked[index] !== id);
    expect(firstDifference === -1, `${name}: item ${firstDifference + 1} is ${walked[firstDifference]} when paging but ${reference[firstDifference]} in one page (gap or reordering)`);
  },
}));

export const badCursorCheck: Check = {
  name: 'pagination: a malformed cursor is a 422 problem',
  async run({ request }) {
    const exchange = await request('GET', '/v1/tenants?cursor=not-a-real-cursor');
    expectStatus(exchange, 422);
  },
};
